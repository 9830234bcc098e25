"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args, empty, non_finite, one_row

EDGES: dict[str, Edge] = {
    "no rows": empty(0),
    "a single row": one_row(0),
    "a NaN value": non_finite(0),
    "a window of one": args(lambda df, window: window == 1),
    "an entity with more rows than the window": args(
        lambda df, window: bool(len(df)) and df.groupby("entity").size().max() > window
    ),
    "rows out of time order, entities interleaved": args(
        lambda df, window: list(df["entity"]) != sorted(df["entity"]) and df["entity"].nunique() > 1
    ),
}
