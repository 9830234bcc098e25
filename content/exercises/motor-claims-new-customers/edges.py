"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "customers not seen in training": args(
        lambda X, y, T: (
            not set(zip(T["birth_year"], T["car_value"], T["area_density"], strict=True))
            & set(zip(X["birth_year"], X["car_value"], X["area_density"], strict=True))
        )
    ),
}
