"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from collections import Counter

from mlinterview.exercises.edges import Edge, args, empty


def _country_without_buyers(users: list, events: list) -> bool:
    buyers = {user for user, event in events if event == "purchase"}
    countries = {country for _, country in users}
    return any(all(u not in buyers for u, c in users if c == country) for country in countries)


EDGES: dict[str, Edge] = {
    "no users": empty(0),
    "no events": empty(1),
    "a user without a country": args(lambda users, events: any(c is None for _, c in users)),
    "an event without a user": args(lambda users, events: any(u is None for u, _ in events)),
    "a country without buyers": args(_country_without_buyers),
    "a buyer with several purchases": args(
        lambda users, events: any(
            n > 1
            for n in Counter(u for u, e in events if e == "purchase" and u in {i for i, _ in users}).values()
        )
    ),
}
