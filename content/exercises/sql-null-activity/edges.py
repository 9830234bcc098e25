"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args, empty


def _ids(customers):
    return {c[0] for c in customers}


EDGES: dict[str, Edge] = {
    "no customers": empty(0),
    "no orders": empty(1),
    "a guest order (NULL customer) beside a customer without orders": args(
        lambda c, o, since: any(r[1] is None for r in o) and bool(_ids(c) - {r[1] for r in o})
    ),
    "a customer whose orders are all older than since": args(
        lambda c, o, since: any(
            any(r[1] == i for r in o) and all(r[2] < since for r in o if r[1] == i) for i in _ids(c)
        )
    ),
    "an order placed on the since date": args(lambda c, o, since: any(r[2] == since for r in o)),
    "a recent order without a rating": args(
        lambda c, o, since: any(r[3] is None and r[2] >= since for r in o)
    ),
    "an order of a customer not in customers": args(
        lambda c, o, since: any(r[1] is not None and r[1] not in _ids(c) for r in o)
    ),
}
