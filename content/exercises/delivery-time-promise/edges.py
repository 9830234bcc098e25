"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "more rainy orders than in training": args(
        lambda X, y, T: T["raining"].mean() > X["raining"].mean() + 0.1
    ),
    "no voucher known yet for any order to promise": args(
        lambda X, y, T: X["late_voucher"].max() > 0 and (T["late_voucher"] == 0).all()
    ),
}
