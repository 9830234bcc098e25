"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args, empty, one_row

EDGES: dict[str, Edge] = {
    "no rows": empty(0),
    "a single row": one_row(0),
    "a repeated (user, feature) pair": args(lambda df: bool(df.duplicated(["user_id", "feature"]).any())),
    "a feature with only NaN values": args(
        lambda df: bool(len(df)) and bool(df["value"].isna().groupby(df["feature"]).all().any())
    ),
    "a user with only NaN values": args(
        lambda df: bool(len(df)) and bool(df["value"].isna().groupby(df["user_id"]).all().any())
    ),
}
