"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import pandas as pd

from mlinterview.exercises.edges import Edge, args


def _in_both(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    return a[["id", "amount"]].merge(b[["id", "amount"]], on="id", suffixes=("_a", "_b"))


EDGES: dict[str, Edge] = {
    "both sources empty": args(lambda a, b: len(a) == 0 and len(b) == 0),
    "one source empty": args(lambda a, b: (len(a) == 0) != (len(b) == 0)),
    "no ids in common": args(lambda a, b: bool(len(a) and len(b)) and not set(a["id"]) & set(b["id"])),
    "an id in both with NaN on one side": args(
        lambda a, b: bool((_in_both(a, b)[["amount_a", "amount_b"]].isna().sum(axis=1) == 1).any())
    ),
    "an id in both with NaN on both sides": args(
        lambda a, b: bool(_in_both(a, b)[["amount_a", "amount_b"]].isna().all(axis=1).any())
    ),
    "a difference under half a cent": args(
        lambda a, b: bool(
            (lambda d: ((d > 0) & (d < 0.005)).any())(
                (_in_both(a, b)["amount_a"] - _in_both(a, b)["amount_b"]).abs()
            )
        )
    ),
}
