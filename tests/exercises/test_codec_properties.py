"""Properties of the codec that carries test inputs into the sandbox and results out of it.

Every value an exercise may pass or a solution may return survives the trip through strict JSON
unchanged (NaN, infinities and -0.0 included); and whatever JSON a hostile solution writes in its
place decodes to plain data or is refused with the codec's own error, never another exception, never
by running anything.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import hypothesis.extra.numpy as hnp
import numpy as np
import pandas as pd
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlinterview.exercises.codec import MAX_DEPTH, TAG, TENSOR_DTYPES, CodecError, Tensor, decode, encode

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
INT64 = (-(2**63), 2**63 - 1)


def trip(value: Any) -> Any:
    """encode, strict JSON text (no NaN or Infinity literals) and back, as across the sandbox."""
    return decode(json.loads(json.dumps(encode(value), allow_nan=False)))


# -- what a value should look like after the trip ---------------------------------------------------
def expected_after_trip(value: Any) -> Any:
    """The value the codec promises back: NumPy scalars become Python scalars, arrays keep their
    shape and their kind of element (bools, integers as int64, floats as float64, anything else as
    objects), pandas objects keep their index, name, columns and values."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "u" and value.size and int(value.max()) > INT64[1]:
            return value.astype(np.uint64)
        target = {"b": np.bool_, "i": np.int64, "u": np.int64, "f": np.float64}.get(value.dtype.kind, object)
        if target is object:
            flat = [expected_after_trip(v) for v in value.ravel().tolist()]
            out = np.empty(len(flat), dtype=object)
            for i, item in enumerate(flat):
                out[i] = item
            return out.reshape(value.shape)
        return value.astype(target)
    if isinstance(value, torch.Tensor):
        return _tensor_parts(value)
    if isinstance(value, pd.Series):
        return _series_parts(value)
    if isinstance(value, pd.DataFrame):
        return _frame_parts(value)
    if isinstance(value, list):
        return [expected_after_trip(v) for v in value]
    if isinstance(value, tuple):
        return tuple(expected_after_trip(v) for v in value)
    if isinstance(value, dict):
        return {expected_after_trip(k): expected_after_trip(v) for k, v in value.items()}
    raise AssertionError(f"no expectation for {type(value).__name__}")


def _tensor_parts(tensor: torch.Tensor | Tensor) -> tuple[Any, ...]:
    """A tensor as the parent gets it: its dtype's name, and its values as bool, int64 or float64."""
    if isinstance(tensor, Tensor):
        return ("Tensor", tensor.dtype, tensor.values)
    dtype = str(tensor.dtype).removeprefix("torch.")
    values = tensor.detach().float() if dtype == "bfloat16" else tensor.detach()
    kind = {"b": np.bool_, "i": np.int64, "u": np.int64, "f": np.float64}[TENSOR_DTYPES[dtype]]
    return ("Tensor", dtype, values.numpy().astype(kind))


def _series_parts(series: pd.Series) -> tuple[Any, ...]:
    return ("Series", expected_after_trip(series.name), _plain(list(series.index)), _plain(series.tolist()))


def _frame_parts(frame: pd.DataFrame) -> tuple[Any, ...]:
    rows = [list(row) for row in frame.itertuples(index=False, name=None)]
    return ("DataFrame", _plain(list(frame.columns)), _plain(list(frame.index)), _plain(rows))


def _plain(values: list[Any]) -> list[Any]:
    return [expected_after_trip(v) for v in values]


def same(expected: Any, got: Any) -> bool:
    """Equal in value and in type: bool is not int, a tuple is not a list, NaN equals NaN, -0.0 is
    not 0.0, arrays agree in dtype and shape."""
    if isinstance(got, Tensor):
        got = _tensor_parts(got)
    elif isinstance(got, pd.Series):
        got = _series_parts(got)
    elif isinstance(got, pd.DataFrame):
        got = _frame_parts(got)
    if isinstance(expected, np.ndarray):
        return (
            isinstance(got, np.ndarray)
            and got.dtype == expected.dtype
            and got.shape == expected.shape
            and all(same(a, b) for a, b in zip(expected.ravel().tolist(), got.ravel().tolist(), strict=True))
        )
    if type(expected) is not type(got):
        return False
    if isinstance(expected, float):
        if math.isnan(expected):
            return math.isnan(got)
        return expected == got and math.copysign(1.0, expected) == math.copysign(1.0, got)
    if isinstance(expected, (list, tuple)):
        return len(expected) == len(got) and all(same(a, b) for a, b in zip(expected, got, strict=True))
    if isinstance(expected, dict):
        return len(expected) == len(got) and all(
            same(ka, kb) and same(va, vb)
            for (ka, va), (kb, vb) in zip(expected.items(), got.items(), strict=True)
        )
    return bool(expected == got)


# -- strategies for values an exercise passes or a solution returns --------------------------------
any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=12)  # lone surrogates too
floats = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([-0.0, 0.0, math.nan, -math.inf])
python_scalars = st.none() | st.booleans() | st.integers() | floats | any_text
numpy_scalars = (
    st.integers(*INT64).map(np.int64)
    | st.integers(0, 255).map(np.uint8)
    | st.floats(width=32).map(np.float32)
    | floats.map(np.float64)
    | st.booleans().map(np.bool_)
)
NUMERIC_DTYPES = [
    np.bool_,
    np.int8,
    np.int16,
    np.int32,
    np.int64,
    np.uint8,
    np.uint16,
    np.uint32,
    np.uint64,
    np.float16,
    np.float32,
    np.float64,
]
shapes = hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)
numeric_arrays = st.sampled_from(NUMERIC_DTYPES).flatmap(lambda dtype: hnp.arrays(dtype, shapes))
text_arrays = hnp.arrays(hnp.unicode_string_dtypes(max_len=6), shapes)
object_arrays = shapes.flatmap(
    lambda shape: st.lists(
        st.none() | st.integers() | floats | any_text,
        min_size=math.prod(shape),
        max_size=math.prod(shape),
    ).map(lambda items: _object_array(items, shape))
)


def _object_array(items: list[Any], shape: tuple[int, ...]) -> np.ndarray:
    out = np.empty(len(items), dtype=object)
    for i, item in enumerate(items):
        out[i] = item
    return out.reshape(shape)


TORCH_DTYPES = [getattr(torch, name) for name in TENSOR_DTYPES]
_NUMPY_FOR = {
    torch.bool: np.bool_,
    torch.uint8: np.uint8,
    torch.int8: np.int8,
    torch.int16: np.int16,
    torch.int32: np.int32,
    torch.int64: np.int64,
    torch.float16: np.float16,
    torch.float32: np.float32,
    torch.float64: np.float64,
}


def _tensors_of(dtype: torch.dtype) -> st.SearchStrategy[torch.Tensor]:
    if dtype == torch.bfloat16:  # NumPy has no bfloat16: draw float32 values and round them
        arrays = hnp.arrays(np.float32, shapes, elements=st.floats(width=32))
        return arrays.map(lambda a: torch.from_numpy(a).to(torch.bfloat16))
    return hnp.arrays(_NUMPY_FOR[dtype], shapes).map(torch.from_numpy)


tensors = st.sampled_from(TORCH_DTYPES).flatmap(_tensors_of)
labels = st.integers(-1000, 1000) | st.text(max_size=5)
column_kinds = {
    "int": st.integers(*INT64),
    "float": floats,
    "str": st.text(max_size=5),
    "bool": st.booleans(),
}


@st.composite
def series(draw: st.DrawFn) -> pd.Series:
    kind = draw(st.sampled_from(sorted(column_kinds)))
    values = draw(st.lists(column_kinds[kind], min_size=1, max_size=6))
    index = draw(st.lists(labels, min_size=len(values), max_size=len(values)))
    name = draw(st.none() | labels)
    return pd.Series(values, index=index, name=name)


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    names = draw(st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=4, unique=True))
    kinds = [draw(st.sampled_from(sorted(column_kinds))) for _ in names]
    length = draw(st.integers(1, 5))
    data = {
        name: draw(st.lists(column_kinds[kind], min_size=length, max_size=length))
        for name, kind in zip(names, kinds, strict=True)
    }
    index = draw(st.lists(labels, min_size=length, max_size=length))
    return pd.DataFrame(data, index=index)


hashable_keys = (
    st.sampled_from([TAG, "value", "items", "dtype", "data"])  # the codec's own field names as keys
    | any_text
    | st.integers()
    | st.booleans()
    | st.tuples(st.integers(), any_text)
)
leaves = (
    python_scalars
    | numpy_scalars
    | numeric_arrays
    | text_arrays
    | object_arrays
    | series()
    | frames()
    | tensors
)
values = st.recursive(
    leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.lists(children, max_size=4).map(tuple)
        | st.dictionaries(st.sampled_from([TAG, "value", "items"]) | any_text, children, max_size=4)
        | st.dictionaries(hashable_keys, children, max_size=4)
    ),
    max_leaves=12,
)


@PROPERTY
@given(values)
def test_every_value_survives_the_trip_through_strict_json(value):
    assert same(expected_after_trip(value), trip(value))


@PROPERTY
@given(numeric_arrays)
def test_arrays_keep_shape_kind_and_every_element(array):
    back = trip(array)
    assert isinstance(back, np.ndarray) and back.shape == array.shape
    assert same(expected_after_trip(array), back)


@PROPERTY
@given(tensors)
def test_tensors_keep_dtype_shape_and_every_element_in_the_parent(tensor):
    back = trip(tensor)
    assert isinstance(back, Tensor) and back.dtype == str(tensor.dtype).removeprefix("torch.")
    assert back.shape == tuple(tensor.shape)
    assert same(expected_after_trip(tensor), back)
    assert same(expected_after_trip(tensor), trip(back))  # the parent's form encodes the same way


@PROPERTY
@given(tensors)
def test_tensors_come_back_as_the_same_torch_tensor_in_the_sandbox(tensor):
    back = decode(json.loads(json.dumps(encode(tensor), allow_nan=False)), as_torch=True)
    assert isinstance(back, torch.Tensor) and back.dtype == tensor.dtype and back.shape == tensor.shape
    assert torch.equal(torch.isnan(back), torch.isnan(tensor))
    same_bits = (back == tensor) | torch.isnan(tensor)
    assert bool(same_bits.all())
    if tensor.is_floating_point():
        numbers = ~torch.isnan(tensor)  # a NaN's sign is not kept, a zero's is: -0.0 stays -0.0
        assert torch.equal(torch.signbit(back)[numbers], torch.signbit(tensor)[numbers])


def test_tensors_of_a_model_come_back_detached_with_their_special_values():
    weight = torch.nn.Parameter(torch.tensor([[1.0, -0.0], [math.nan, -math.inf]]))
    produced = weight * 2  # requires grad, has a grad_fn
    back = trip({"weight": weight, "out": produced, "grad": None})
    assert back["weight"].dtype == "float32" and back["out"].shape == (2, 2)
    values = back["out"].values
    assert values[0, 0] == 2.0 and np.signbit(values[0, 1]) and np.isnan(values[1, 0])
    assert values[1, 1] == -math.inf
    with pytest.raises(ValueError):
        values[0, 0] = 5.0  # the parent's tensors are read-only
    with pytest.raises(TypeError):
        hash(back["weight"])


def test_special_floats_keep_their_identity():
    back = trip([math.nan, math.inf, -math.inf, -0.0, np.float32(-0.0), np.array([-0.0, math.nan])])
    assert math.isnan(back[0]) and back[1] == math.inf and back[2] == -math.inf
    assert math.copysign(1.0, back[3]) == -1.0 and math.copysign(1.0, back[4]) == -1.0
    assert np.signbit(back[5][0]) and np.isnan(back[5][1])


def test_a_dict_using_the_codecs_own_tag_as_a_key_stays_a_dict():
    hostile_looking = {TAG: "float", "value": "nan"}
    assert trip(hostile_looking) == hostile_looking
    assert trip({TAG: "tuple", "items": [1, 2]}) == {TAG: "tuple", "items": [1, 2]}


def test_unsigned_integers_beyond_int64_come_back_whole():
    array = np.array([0, 2**63, 2**64 - 1], dtype=np.uint64)
    back = trip(array)
    assert back.dtype == np.uint64 and back.tolist() == [0, 2**63, 2**64 - 1]


@pytest.mark.parametrize(
    "value",
    [
        1 + 2j,
        b"bytes",
        {1, 2},
        object(),
        np.array([1 + 1j]),
        np.array(["2024-01-01"], dtype="datetime64[D]"),
        np.array([b"x"]),
        [1, [2, {"a": range(3)}]],
        torch.tensor([1 + 2j]),
        torch.tensor([1, 2], dtype=torch.uint16),
        torch.eye(2).to_sparse(),
    ],
)
def test_values_of_other_types_are_refused_with_a_type_error(value):
    with pytest.raises(TypeError):
        encode(value)


# -- hostile documents: what a solution could write instead of results -------------------------------
FIELDS = ["value", "items", "dtype", "shape", "data", "columns", "index", "name"]
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["nan", "inf", "-inf", "b", "i", "u", "f", "object", "c", "O"])
)
SPECIAL = ["nan", "inf", "-inf"]
tag_values = st.sampled_from(["float", "tuple", "dict", "array", "tensor", "frame", "series"]) | json_scalars


def _tagged(children: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Tagged objects: mostly with the right fields (their values right or wrong), sometimes with any."""
    items = st.lists(children, max_size=4)
    anything = children | items
    homogeneous = (
        st.lists(st.booleans(), max_size=6)
        | st.lists(st.integers(-(2**65), 2**65), max_size=6)
        | st.lists(st.floats() | st.sampled_from([{TAG: "float", "value": "nan"}]), max_size=6)
        | st.lists(children, max_size=6)
    )

    def array(data: list[Any]) -> st.SearchStrategy[dict[str, Any]]:
        n = len(data)
        return st.fixed_dictionaries(
            {
                TAG: st.just("array"),
                "dtype": st.sampled_from(["b", "i", "u", "f", "object", "c", "O"]) | children,
                "shape": st.sampled_from([[n], [1, n], [n, 1], []]) | st.lists(st.integers(-1, 3)),
                "data": st.just(data) | children,
            }
        )

    def series(n: int) -> st.SearchStrategy[dict[str, Any]]:
        return st.fixed_dictionaries(
            {
                TAG: st.just("series"),
                "name": children,
                "index": st.lists(children, min_size=n, max_size=n) | anything,
                "data": st.lists(children, min_size=n, max_size=n) | anything,
            }
        )

    def frame(shape: tuple[int, int]) -> st.SearchStrategy[dict[str, Any]]:
        rows, width = shape
        row = st.lists(children, min_size=width, max_size=width) | anything
        return st.fixed_dictionaries(
            {
                TAG: st.just("frame"),
                "columns": st.lists(children, min_size=width, max_size=width) | anything,
                "index": st.lists(children, min_size=rows, max_size=rows) | anything,
                "data": st.lists(row, min_size=rows, max_size=rows) | anything,
            }
        )

    def tensor(data: list[Any]) -> st.SearchStrategy[dict[str, Any]]:
        n = len(data)
        return st.fixed_dictionaries(
            {
                TAG: st.just("tensor"),
                "dtype": st.sampled_from([*TENSOR_DTYPES, "complex64", "f", "torch.float32"]) | children,
                "shape": st.sampled_from([[n], [1, n], [n, 1], []]) | st.lists(st.integers(-1, 3)),
                "data": st.just(data) | children,
            }
        )

    sizes = st.integers(0, 4)
    return st.one_of(
        st.fixed_dictionaries({TAG: st.just("float"), "value": st.sampled_from(SPECIAL) | children}),
        st.fixed_dictionaries({TAG: st.just("tuple"), "items": anything}),
        st.fixed_dictionaries(
            {TAG: st.just("dict"), "items": st.lists(st.lists(children, min_size=2, max_size=2) | children)}
        ),
        homogeneous.flatmap(array),
        homogeneous.flatmap(tensor),
        sizes.flatmap(series),
        st.tuples(sizes, sizes).flatmap(frame),
        st.builds(  # any tag, any fields
            lambda tag, extra: {TAG: tag, **extra},
            tag_values,
            st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=4), anything, max_size=5),
        ),
    )


documents = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.text(max_size=6), children, max_size=4)
        | _tagged(children)
    ),
    max_leaves=25,
)
ALLOWED_DTYPES = {np.dtype(t) for t in (np.bool_, np.int64, np.uint64, np.float64, object)}


def only_plain_data(value: Any) -> bool:
    """Built of plain Python scalars and containers, NumPy arrays of the codec's dtypes and pandas
    objects holding the same: nothing with behaviour of its own."""
    if value is None or type(value) in (bool, int, float, str):
        return True
    if type(value) in (list, tuple):
        return all(only_plain_data(v) for v in value)
    if type(value) is dict:
        return all(only_plain_data(k) and only_plain_data(v) for k, v in value.items())
    if type(value) is np.ndarray:
        return value.dtype in ALLOWED_DTYPES and (
            value.dtype != object or all(only_plain_data(v) for v in value.ravel().tolist())
        )
    if type(value) is Tensor:
        return (
            value.dtype in TENSOR_DTYPES
            and type(value.values) is np.ndarray
            and value.values.dtype in ALLOWED_DTYPES - {np.dtype(object)}
        )
    if type(value) is pd.Series:
        return all(only_plain_data(part) for part in (value.name, list(value.index), value.tolist()))
    if type(value) is pd.DataFrame:
        return (
            only_plain_data(list(value.columns))
            and only_plain_data(list(value.index))
            and all(only_plain_data(list(row)) for row in value.itertuples(index=False, name=None))
        )
    return False


@PROPERTY
@given(documents)
def test_any_json_document_decodes_to_plain_data_or_is_refused_with_a_codec_error(document):
    document = json.loads(json.dumps(document))  # exactly what json.loads gives the parent
    try:
        value = decode(document)
    except CodecError:
        return
    assert only_plain_data(value), repr(value)[:300]


@pytest.mark.parametrize(
    "document",
    [
        {TAG: "pickle", "data": "gASVAAAAAAAAAAA="},
        {TAG: "object", "module": "os", "name": "system", "args": ["touch /tmp/mlinterview-pwned"]},
        {TAG: "__reduce__", "value": ["os.system", "id"]},
        {TAG: None},
        {TAG: ["float"]},
        {TAG: {"float": 1}},
        {TAG: "float"},
        {TAG: "float", "value": "1e999"},
        {TAG: "float", "value": 3.0},
        {TAG: "float", "value": "nan", "extra": 1},
        {TAG: "tuple", "items": "abc"},
        {TAG: "tuple", "items": 5},
        {TAG: "dict", "items": [1]},
        {TAG: "dict", "items": [[[1], 2]]},
        {TAG: "dict", "items": [[1, 2, 3]]},
        {TAG: "array", "dtype": "c", "shape": [1], "data": [1]},
        {TAG: "array", "dtype": "f", "shape": [3], "data": [1]},
        {TAG: "array", "dtype": "f", "shape": [-1], "data": [1, 2]},
        {TAG: "array", "dtype": "f", "shape": "ab", "data": [1, 2]},
        {TAG: "array", "dtype": "f", "shape": [True], "data": [1]},
        {TAG: "array", "dtype": "f", "shape": [1], "data": ["x"]},
        {TAG: "array", "dtype": "f", "shape": [1], "data": [[1, 2]]},
        {TAG: "array", "dtype": "b", "shape": [1], "data": ["yes"]},
        {TAG: "array", "dtype": "i", "shape": [1], "data": [1.5]},
        {TAG: "array", "dtype": "i", "shape": [1], "data": [True]},
        {TAG: "array", "dtype": "i", "shape": [1], "data": [10**30]},
        {TAG: "array", "dtype": "u", "shape": [1], "data": [-1]},
        {TAG: "array", "dtype": "i", "shape": [1], "data": [{TAG: "float", "value": "nan"}]},
        {TAG: "array", "dtype": "f", "shape": [10**30, 0], "data": []},
        {TAG: "tensor", "dtype": "complex64", "shape": [1], "data": [1.0]},
        {TAG: "tensor", "dtype": "f", "shape": [1], "data": [1.0]},
        {TAG: "tensor", "dtype": "object", "shape": [1], "data": ["x"]},
        {TAG: "tensor", "dtype": ["float32"], "shape": [1], "data": [1.0]},
        {TAG: "tensor", "dtype": "float32", "shape": [2], "data": [1.0]},
        {TAG: "tensor", "dtype": "float32", "shape": [1], "data": ["1.0"]},
        {TAG: "tensor", "dtype": "float32", "shape": [1], "data": [1.0], "grad": None},
        {TAG: "tensor", "dtype": "uint8", "shape": [1], "data": [256]},
        {TAG: "tensor", "dtype": "int8", "shape": [2], "data": [0, -129]},
        {TAG: "tensor", "dtype": "int32", "shape": [1], "data": [2**31]},
        {TAG: "tensor", "dtype": "int64", "shape": [1], "data": [2**63]},
        {TAG: "tensor", "dtype": "int64", "shape": [1], "data": [1.5]},
        {TAG: "tensor", "dtype": "bool", "shape": [1], "data": [1]},
        {TAG: "tensor", "dtype": "float32", "shape": [10**30, 0], "data": []},
        {TAG: "frame", "columns": ["a"], "index": [0], "data": [[1, 2]]},
        {TAG: "frame", "columns": ["a"], "index": [0, 1], "data": [[1]]},
        {TAG: "frame", "columns": "a", "index": [0], "data": [[1]]},
        {TAG: "series", "name": None, "index": [0, 1], "data": [1]},
        {TAG: "series", "name": [1], "index": [0], "data": [1]},
        {TAG: "series", "index": [0], "data": [1]},
    ],
)
def test_malformed_documents_are_refused_with_a_codec_error(document):
    before = set(sys.modules)
    with pytest.raises(CodecError):
        decode(json.loads(json.dumps(document)))
    new_modules = {m for m in set(sys.modules) - before if not m.startswith(("numpy", "pandas"))}
    assert new_modules == set()  # nothing was imported on the document's behalf
    assert not Path("/tmp/mlinterview-pwned").exists()


def _nested(depth: int, wrap: Any) -> Any:
    value: Any = 0
    for _ in range(depth):
        value = wrap(value)
    return value


@pytest.mark.parametrize(
    "wrap",
    [
        lambda v: [v],
        lambda v: {"k": v},
        lambda v: {TAG: "tuple", "items": [v]},
        lambda v: {TAG: "dict", "items": [["k", v]]},
        lambda v: {TAG: "array", "dtype": "object", "shape": [1], "data": [v]},
    ],
    ids=["lists", "objects", "tuples", "tagged-dicts", "object-arrays"],
)
def test_huge_nesting_is_refused_with_a_codec_error_not_a_recursion_error(wrap):
    assert decode(_nested(MAX_DEPTH // 2 - 1, wrap)) is not None  # a deep but reasonable value is fine
    for depth in (MAX_DEPTH + 1, 50_000):
        with pytest.raises(CodecError, match="nested"):
            decode(_nested(depth, wrap))


@pytest.mark.parametrize("document", [1 + 2j, b"x", {1: 2}, {(1, 2): "a"}, object()])
def test_a_document_that_is_not_json_data_is_refused(document):
    with pytest.raises(CodecError):
        decode(document)
