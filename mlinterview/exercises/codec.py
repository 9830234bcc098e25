"""Values that cross the sandbox boundary, as plain JSON (never pickle).

Inputs go in and results come out in the same tagged form: numbers, strings, lists and dicts as
themselves; NumPy arrays, pandas Series and DataFrames, NaN and infinities as small tagged
objects. Decoding results builds only plain Python and NumPy data, so nothing a candidate's
object does (a rigged ``__eq__``, a custom class) survives the trip.

The same source is copied into the sandbox as part of the harness, so it must only use the
standard library, NumPy and pandas.
"""

from __future__ import annotations

import math
from typing import Any

TAG = "__mli__"


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
        if not all(isinstance(k, str) for k in value):
            return {TAG: "dict", "items": [[encode(k), encode(v)] for k, v in value.items()]}
        return {k: encode(v) for k, v in value.items()}
    raise TypeError(f"cannot return a value of type {type(value).__name__}")


def decode(value: Any, *, pandas: bool = True) -> Any:
    """Plain Python / NumPy (/ pandas) values back from :func:`encode`'s form."""
    import numpy as np

    if isinstance(value, list):
        return [decode(v, pandas=pandas) for v in value]
    if not isinstance(value, dict):
        return value
    tag = value.get(TAG)
    if tag is None:
        return {str(k): decode(v, pandas=pandas) for k, v in value.items()}
    if tag == "float":
        return float(value["value"])
    if tag == "tuple":
        return tuple(decode(v, pandas=pandas) for v in value["items"])
    if tag == "dict":
        return {decode(k, pandas=pandas): decode(v, pandas=pandas) for k, v in value["items"]}
    if tag == "array":
        data = [decode(v, pandas=pandas) for v in value["data"]]
        dtype = {"b": bool, "i": np.int64, "u": np.int64, "f": np.float64, "object": object}[value["dtype"]]
        return np.array(data, dtype=dtype).reshape(value["shape"])
    if tag in ("frame", "series"):
        import pandas as pd

        index = [decode(i, pandas=pandas) for i in value["index"]]
        if tag == "series":
            return pd.Series(
                [decode(v, pandas=pandas) for v in value["data"]],
                index=index,
                name=decode(value["name"], pandas=pandas),
            )
        columns = [decode(c, pandas=pandas) for c in value["columns"]]
        rows = [[decode(v, pandas=pandas) for v in row] for row in value["data"]]
        return pd.DataFrame(rows, columns=columns, index=index)
    raise ValueError(f"unknown tag {tag!r}")
