"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "an agent with no bookings last season (its rate empty)": args(
        lambda X, y, T: bool((~T["agent"].isin(X["agent"]) & T["agent_cancel_rate"].isna()).any())
    ),
}
