"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args, empty, one_row

EDGES: dict[str, Edge] = {
    "no rows": empty(0),
    "a single row": one_row(0),
    "rows dated on the cutoff": args(lambda df, cutoff: bool((df["date"] == cutoff).any())),
    "an unknown date": args(lambda df, cutoff: bool(df["date"].isna().any())),
    "several rows sharing a date": args(lambda df, cutoff: bool(df["date"].dropna().duplicated().any())),
    "nothing before the cutoff": args(
        lambda df, cutoff: bool(len(df)) and not (df["date"].dropna() < cutoff).any()
    ),
    "nothing on or after the cutoff": args(
        lambda df, cutoff: bool(len(df)) and not (df["date"].dropna() >= cutoff).any()
    ),
}
