"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "brands not seen in training": args(lambda X, y, T: T["brand"].isin(set(X["brand"])).mean() < 0.6),
    "no refund paid yet for any order to rank": args(
        lambda X, y, T: X["refund_eur"].max() > 0 and (T["refund_eur"] == 0).all()
    ),
}
