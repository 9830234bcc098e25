"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "a plan not seen in training": args(
        lambda X_train, y_train, X_test: bool(set(X_test["plan"]) - set(X_train["plan"]))
    ),
    "a column filled in only after the outcome": args(
        lambda X_train, y_train, X_test: (
            bool((X_train["refund_issued"] == y_train).all()) and not X_test["refund_issued"].any()
        )
    ),
}
