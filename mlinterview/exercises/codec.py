"""Values that cross the sandbox boundary, as plain JSON (never pickle).

Inputs go in and results come out in the same tagged form: numbers, strings, lists and dicts as
themselves; NumPy arrays, pandas Series and DataFrames, torch tensors, NaN and infinities as small
tagged objects. Decoding results builds only plain Python and NumPy data, so nothing a candidate's
object does (a rigged ``__eq__``, a custom class) survives the trip. A results file is written
by the candidate's process, so decoding trusts nothing in it: anything that is not exactly what
``encode`` writes (an unknown tag, a field of the wrong type, nesting deeper than ``MAX_DEPTH``)
is refused with :class:`CodecError`, and no other exception.

A torch tensor keeps its own tag, its dtype's name, its shape and its values. The parent decodes
it as a :class:`Tensor` (the dtype's name and a read-only NumPy array of the values), not as a
bare array: comparison then reuses the rules for arrays, yet a NumPy array returned where the
statement asks for a tensor is a wrong type. Inside the sandbox (``decode(..., as_torch=True)``,
the harness decoding a case's arguments) it becomes a real tensor of the same dtype. torch is
imported only for a value that is a tensor, so an exercise without tensors never pays its import.

The same source is copied into the sandbox as part of the harness, so it must only use the
standard library, NumPy, pandas and (for tensors only) torch.
"""

from __future__ import annotations

import math
from typing import Any

TAG = "__mli__"
MAX_DEPTH = 100  # containers inside containers; a result of an exercise needs a handful
_INT64_MAX = 2**63 - 1
# The torch dtypes a tensor may have, with the kind of NumPy array that carries its values (NumPy
# has no bfloat16: its values travel as floats, which hold every bfloat16 exactly).
TENSOR_DTYPES = {
    "bool": "b",
    "uint8": "u",
    "int8": "i",
    "int16": "i",
    "int32": "i",
    "int64": "i",
    "float16": "f",
    "bfloat16": "f",
    "float32": "f",
    "float64": "f",
}
_INT_RANGES = {
    "uint8": (0, 2**8 - 1),
    "int8": (-(2**7), 2**7 - 1),
    "int16": (-(2**15), 2**15 - 1),
    "int32": (-(2**31), 2**31 - 1),
    "int64": (-(2**63), _INT64_MAX),
}


class Tensor:
    """A torch tensor as the parent sees it: the name of its dtype (``"float32"``) and its values
    as a read-only NumPy array (bool, int64 or float64). Plain data: no torch behind it."""

    __slots__ = ("dtype", "values")
    __hash__ = None  # type: ignore[assignment]  # like an array: never a dict key

    def __init__(self, dtype: str, values: Any) -> None:
        values.flags.writeable = False
        self.dtype, self.values = dtype, values

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.values.shape)

    def __repr__(self) -> str:
        import numpy as np

        # Floats at their own precision: 0.1 in float32 shows as 0.1, not 0.10000000149011612.
        width = {"float16": np.float16, "float64": np.float64}.get(self.dtype, np.float32)

        def text(item: Any) -> str:
            if isinstance(item, list):
                return "[" + ", ".join(text(i) for i in item) + "]"
            return str(width(item)) if isinstance(item, float) else repr(item)

        size = f", size={self.shape}" if self.values.size == 0 and self.values.ndim > 1 else ""
        return f"tensor({text(self.values.tolist())}{size}, dtype=torch.{self.dtype})"


class CodecError(ValueError):
    """A document that is not in the codec's form; the message says what is wrong with it."""


def encode(value: Any) -> Any:
    """A JSON-ready form of ``value``; raises TypeError for types results may not have."""
    import numpy as np

    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if math.isnan(number):
            return {TAG: "float", "value": "nan"}
        if math.isinf(number):
            return {TAG: "float", "value": "inf" if number > 0 else "-inf"}
        return number
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, Tensor):
        return _tensor_document(value.dtype, value.values)
    if any(cls.__module__.split(".")[0] == "torch" for cls in type(value).__mro__):
        import torch  # only for a tensor (importing it takes seconds)

        if isinstance(value, torch.Tensor):
            return _encode_tensor(value, torch)
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biuf":
            if value.dtype.kind in "OUS":
                return {
                    TAG: "array",
                    "dtype": "object",
                    "shape": list(value.shape),
                    "data": [encode(v) for v in value.ravel().tolist()],
                }
            raise TypeError(f"arrays of dtype {value.dtype} are not supported")
        return {
            TAG: "array",
            "dtype": value.dtype.kind,
            "shape": list(value.shape),
            "data": [encode(v) for v in value.ravel().tolist()],
        }
    # Import pandas only for a value whose class comes from it (importing costs a fifth of a
    # second, more than a numpy exercise's whole run). Looking the module up in sys.modules
    # instead is not safe: another thread may be half-way through importing it.
    pd: Any = None
    if any(cls.__module__.split(".")[0] == "pandas" for cls in type(value).__mro__):
        import pandas

        pd = pandas
    if pd is not None and isinstance(value, pd.DataFrame):
        return {
            TAG: "frame",
            "columns": [encode(c) for c in value.columns],
            "index": [encode(i) for i in value.index],
            "data": [[encode(v) for v in row] for row in value.itertuples(index=False, name=None)],
        }
    if pd is not None and isinstance(value, pd.Series):
        return {
            TAG: "series",
            "name": encode(value.name),
            "index": [encode(i) for i in value.index],
            "data": [encode(v) for v in value.tolist()],
        }
    if isinstance(value, (list, tuple)):
        return (
            {TAG: "tuple", "items": [encode(v) for v in value]}
            if isinstance(value, tuple)
            else [encode(v) for v in value]
        )
    if isinstance(value, dict):
        if TAG in value or not all(isinstance(k, str) for k in value):  # a plain object could not hold it
            return {TAG: "dict", "items": [[encode(k), encode(v)] for k, v in value.items()]}
        return {k: encode(v) for k, v in value.items()}
    raise TypeError(f"cannot return a value of type {type(value).__name__}")


def _encode_tensor(value: Any, torch: Any) -> dict[str, Any]:
    dtype = str(value.dtype).removeprefix("torch.")
    if dtype not in TENSOR_DTYPES:
        raise TypeError(f"tensors of dtype {value.dtype} are not supported")
    if value.layout != torch.strided:
        raise TypeError(f"{value.layout} tensors are not supported: return a dense tensor")
    plain = value.detach().cpu()
    if dtype == "bfloat16":
        plain = plain.float()
    return _tensor_document(dtype, plain.numpy())


def _tensor_document(dtype: str, values: Any) -> dict[str, Any]:
    return {
        TAG: "tensor",
        "dtype": dtype,
        "shape": list(values.shape),
        "data": [encode(v) for v in values.ravel().tolist()],
    }


def decode(value: Any, *, pandas: bool = True, as_torch: bool = False) -> Any:
    """Plain Python / NumPy (/ pandas) values back from :func:`encode`'s form; tensors as
    :class:`Tensor`, or with ``as_torch`` (inside the sandbox) as torch tensors.

    Raises :class:`CodecError`, and nothing else, for anything ``encode`` would not have written."""
    return _decode(value, 0, as_torch)


_FIELDS = {
    "float": ("value",),
    "tuple": ("items",),
    "dict": ("items",),
    "array": ("dtype", "shape", "data"),
    "tensor": ("dtype", "shape", "data"),
    "series": ("name", "index", "data"),
    "frame": ("columns", "index", "data"),
}
_SPECIAL_FLOATS = {"nan", "inf", "-inf"}


def _decode(value: Any, depth: int, as_torch: bool = False) -> Any:
    if depth > MAX_DEPTH:
        raise CodecError(f"nested more than {MAX_DEPTH} levels deep")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_decode(v, depth + 1, as_torch) for v in value]
    if not isinstance(value, dict):
        raise CodecError(f"not JSON data: {type(value).__name__}")
    if TAG not in value:
        if not all(isinstance(k, str) for k in value):
            raise CodecError("object keys must be strings")
        return {k: _decode(v, depth + 1, as_torch) for k, v in value.items()}
    tag = value[TAG]
    fields = _FIELDS.get(tag) if isinstance(tag, str) else None
    if fields is None:
        raise CodecError(f"unknown tag {tag!r}"[:200])
    if set(value) != {TAG, *fields}:
        raise CodecError(f"a {tag} has exactly the fields {', '.join(fields)}")
    if tag == "float":
        if not isinstance(value["value"], str) or value["value"] not in _SPECIAL_FLOATS:
            raise CodecError("a tagged float is nan, inf or -inf")
        return float(value["value"])
    if tag == "tuple":
        return tuple(_decode(v, depth + 1, as_torch) for v in _list(value, "items"))
    if tag == "dict":
        out = {}
        for pair in _list(value, "items"):
            if not isinstance(pair, list) or len(pair) != 2:
                raise CodecError("a dict's items are [key, value] pairs")
            key = _decode(pair[0], depth + 1, as_torch)
            try:
                hash(key)
            except TypeError:
                raise CodecError("a dict key must be hashable") from None
            out[key] = _decode(pair[1], depth + 1, as_torch)
        return out
    if tag == "array":
        return _decode_array(value, depth, as_torch)
    if tag == "tensor":
        return _decode_tensor(value, depth, as_torch)
    return _decode_pandas(tag, value, depth, as_torch)


def _list(value: dict[str, Any], name: str) -> list[Any]:
    field = value[name]
    if not isinstance(field, list):
        raise CodecError(f"{name} must be a list")
    return field


def _decode_tensor(value: dict[str, Any], depth: int, as_torch: bool) -> Any:
    dtype = value["dtype"]
    if not isinstance(dtype, str) or dtype not in TENSOR_DTYPES:
        raise CodecError(f"unknown tensor dtype {dtype!r}"[:200])
    values = _decode_array(value, depth, as_torch, kind=TENSOR_DTYPES[dtype])
    if dtype in _INT_RANGES and values.size:
        low, high = _INT_RANGES[dtype]
        if not (low <= int(values.min()) and int(values.max()) <= high):
            raise CodecError(f"a value of an {dtype} tensor is out of its range")
    if as_torch:
        import torch

        return torch.from_numpy(values).to(getattr(torch, dtype))
    return Tensor(dtype, values)


def _decode_array(value: dict[str, Any], depth: int, as_torch: bool, kind: Any = None) -> Any:
    import numpy as np

    kind = value["dtype"] if kind is None else kind
    shape = _list(value, "shape")
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape):
        raise CodecError("an array's shape is a list of sizes")
    data = [_decode(v, depth + 1, as_torch) for v in _list(value, "data")]
    if len(data) != math.prod(shape):
        raise CodecError(f"an array of shape {shape} holds {math.prod(shape)} values, not {len(data)}")
    numbers = [d for d in data if isinstance(d, (int, float)) and not isinstance(d, bool)]
    if kind == "b":
        dtype: Any = bool
        valid = all(isinstance(d, bool) for d in data)
    elif kind in ("i", "u"):
        valid = len(numbers) == len(data) and all(isinstance(d, int) for d in data)
        low, high = (-(2**63), _INT64_MAX) if kind == "i" else (0, 2**64 - 1)
        valid = valid and all(low <= d <= high for d in data)
        dtype = np.uint64 if valid and any(d > _INT64_MAX for d in data) else np.int64
    elif kind == "f":
        dtype, valid = np.float64, len(numbers) == len(data)
    elif kind == "object":
        dtype, valid = object, True
    else:
        raise CodecError(f"unknown array dtype {kind!r}"[:200])
    if not valid:
        raise CodecError(f"an array of dtype {kind!r} holds a value of another kind")
    try:
        if dtype is object:
            flat = np.empty(len(data), dtype=object)
            for i, item in enumerate(data):  # one by one: a list item must not become a dimension
                flat[i] = item
        else:
            flat = np.array(data, dtype=dtype)
        return flat.reshape(shape)
    except (ValueError, TypeError, OverflowError) as exc:
        raise CodecError(f"the array could not be built: {exc}"[:200]) from None


def _decode_pandas(tag: str, value: dict[str, Any], depth: int, as_torch: bool) -> Any:
    import pandas as pd

    index = [_decode(i, depth + 1, as_torch) for i in _list(value, "index")]
    data = _list(value, "data")
    if len(data) != len(index):
        raise CodecError(f"a {tag} has {len(index)} index labels and {len(data)} rows")
    try:
        if tag == "series":
            return pd.Series(
                [_decode(v, depth + 1, as_torch) for v in data],
                index=index,
                name=_decode(value["name"], depth + 1, as_torch),
            )
        columns = [_decode(c, depth + 1, as_torch) for c in _list(value, "columns")]
        rows = []
        for row in data:
            if not isinstance(row, list) or len(row) != len(columns):
                raise CodecError(f"each row of a frame has {len(columns)} values")
            rows.append([_decode(v, depth + 2, as_torch) for v in row])
        return pd.DataFrame(rows, columns=columns, index=index)
    except (ValueError, TypeError, OverflowError, KeyError, IndexError) as exc:
        if isinstance(exc, CodecError):
            raise
        raise CodecError(f"the {tag} could not be built: {exc}"[:200]) from None
