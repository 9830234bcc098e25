"""Compare a decoded result with the expected value, in the parent.

Returns ``(True, "")`` or ``(False, reason)``; the reason is detailed (for public tests) and
starts with a short category ("wrong type", "wrong shape", "wrong value") that is all a hidden
test reveals.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mlinterview.exercises.codec import TENSOR_DTYPES, Tensor

_TENSOR_KINDS = {"b": "a bool", "i": "an integer", "u": "an integer", "f": "a floating-point"}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )


def _close(expected: float, got: float, rtol: float, atol: float) -> bool:
    if math.isnan(expected) or math.isnan(got):
        return math.isnan(expected) and math.isnan(got)
    if math.isinf(expected) or math.isinf(got):
        return expected == got
    return abs(expected - got) <= atol + rtol * abs(expected)


def compare(
    expected: Any, got: Any, *, rtol: float = 1e-6, atol: float = 1e-9, where: str = ""
) -> tuple[bool, str]:
    import pandas as pd

    at = f" at {where}" if where else ""
    if isinstance(expected, pd.DataFrame):
        if not isinstance(got, pd.DataFrame):
            return False, f"wrong type{at}: expected a DataFrame, got {type(got).__name__}"
        if list(got.columns) != list(expected.columns):
            return (
                False,
                f"wrong shape{at}: columns {list(got.columns)!r}, expected {list(expected.columns)!r}",
            )
        if len(got) != len(expected):
            return False, f"wrong shape{at}: {len(got)} rows, expected {len(expected)}"
        if list(got.index) != list(expected.index):
            return False, f"wrong value{at}: index {list(got.index)!r}, expected {list(expected.index)!r}"
        for column in expected.columns:
            ok, reason = compare(
                list(expected[column]), list(got[column]), rtol=rtol, atol=atol, where=f"column {column!r}"
            )
            if not ok:
                return ok, reason
        return True, ""
    if isinstance(expected, pd.Series):
        if not isinstance(got, pd.Series):
            return False, f"wrong type{at}: expected a Series, got {type(got).__name__}"
        if list(got.index) != list(expected.index):
            return False, f"wrong value{at}: index {list(got.index)!r}, expected {list(expected.index)!r}"
        if got.name != expected.name:
            return False, f"wrong value{at}: name {got.name!r}, expected {expected.name!r}"
        return compare(list(expected), list(got), rtol=rtol, atol=atol, where=where)
    if isinstance(expected, Tensor):
        # A tensor where a tensor is due, of the same kind of element (bool, integer, floating
        # point; the precision may differ), then the rules for arrays on the values.
        if not isinstance(got, Tensor):
            return False, f"wrong type{at}: expected a torch tensor, got {_type_name(got)}"
        want, have = TENSOR_DTYPES[expected.dtype], TENSOR_DTYPES[got.dtype]
        if want.replace("u", "i") != have.replace("u", "i"):
            return (
                False,
                f"wrong type{at}: expected {_TENSOR_KINDS[want]} tensor, got dtype torch.{got.dtype}",
            )
        return compare(expected.values, got.values, rtol=rtol, atol=atol, where=where)
    if isinstance(expected, np.ndarray):
        if not isinstance(got, np.ndarray):
            return False, f"wrong type{at}: expected a NumPy array, got {_type_name(got)}"
        if got.shape != expected.shape:
            return False, f"wrong shape{at}: {got.shape}, expected {expected.shape}"
        if expected.dtype.kind in "iu" and got.dtype.kind not in "iu":
            return False, f"wrong type{at}: expected integers, got dtype {got.dtype}"
        if expected.dtype.kind == "b" and got.dtype.kind != "b":
            return False, f"wrong type{at}: expected booleans, got dtype {got.dtype}"
        if got.dtype.kind not in "biuf" or expected.dtype.kind not in "biuf":
            return compare(expected.tolist(), got.tolist(), rtol=rtol, atol=atol, where=where)
        e = expected.astype(float).ravel()
        g = got.astype(float).ravel()
        for i, (a, b) in enumerate(zip(e, g, strict=True)):
            if not _close(a, b, rtol, atol):
                index = np.unravel_index(i, expected.shape) if expected.ndim else ()
                return False, f"wrong value{at} {list(map(int, index))}: {b!r}, expected {a!r}"
        return True, ""
    if isinstance(expected, bool | np.bool_):
        if not isinstance(got, bool | np.bool_):
            return False, f"wrong type{at}: expected a bool, got {type(got).__name__}"
        return (
            bool(got) == bool(expected),
            "" if bool(got) == bool(expected) else f"wrong value{at}: {got!r}",
        )
    if _is_number(expected):
        if not _is_number(got):
            return False, f"wrong type{at}: expected a number, got {type(got).__name__}"
        if isinstance(expected, (int, np.integer)) and not float(got).is_integer():
            return False, f"wrong value{at}: {got!r}, expected {expected!r}"
        if _close(float(expected), float(got), rtol, atol):
            return True, ""
        return False, f"wrong value{at}: {got!r}, expected {expected!r}"
    if isinstance(expected, str):
        if got == expected:
            return True, ""
        return False, f"wrong value{at}: {got!r}, expected {expected!r}"
    if expected is None:
        return (got is None, "" if got is None else f"wrong value{at}: {got!r}, expected None")
    if isinstance(expected, (list, tuple)):
        if not isinstance(got, (list, tuple)):
            return False, f"wrong type{at}: expected a sequence, got {type(got).__name__}"
        if len(got) != len(expected):
            return False, f"wrong shape{at}: length {len(got)}, expected {len(expected)}"
        for i, (a, b) in enumerate(zip(expected, got, strict=True)):
            ok, reason = compare(a, b, rtol=rtol, atol=atol, where=f"{where}[{i}]")
            if not ok:
                return ok, reason
        return True, ""
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return False, f"wrong type{at}: expected a dict, got {type(got).__name__}"
        if set(got) != set(expected):
            return (
                False,
                f"wrong value{at}: keys {sorted(map(str, got))}, expected {sorted(map(str, expected))}",
            )
        for key in expected:
            ok, reason = compare(expected[key], got[key], rtol=rtol, atol=atol, where=f"{where}[{key!r}]")
            if not ok:
                return ok, reason
        return True, ""
    return (got == expected, "" if got == expected else f"wrong value{at}")


def _type_name(value: Any) -> str:
    return "a NumPy array" if isinstance(value, np.ndarray) else type(value).__name__


def category(reason: str) -> str:
    """The part of a reason a hidden test may show: "wrong value", "wrong shape" or "wrong type"."""
    for name in ("wrong type", "wrong shape", "wrong value"):
        if reason.startswith(name):
            return name
    return "wrong answer"
