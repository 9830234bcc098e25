"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import math

import pandas as pd

from mlinterview.exercises.edges import Edge, args, empty, one_row


def _normal(tags):
    return [t.strip().lower() for t in tags if t.strip()]


def _repeat_after_normalising_only(orders: pd.DataFrame) -> bool:
    return any(
        len(set(tags)) == len(tags) and len(set(_normal(tags))) < len(_normal(tags))
        for tags in orders["tags"]
    )


def _unknown_amount_with_tag(orders: pd.DataFrame) -> bool:
    return any(math.isnan(a) and _normal(t) for a, t in zip(orders["amount"], orders["tags"], strict=True))


def _tie_in_revenue(orders: pd.DataFrame) -> bool:
    per_tag: dict[str, float] = {}
    for amount, tags in zip(orders["amount"], orders["tags"], strict=True):
        for tag in set(_normal(tags)):
            per_tag[tag] = per_tag.get(tag, 0.0) + (0.0 if math.isnan(amount) else amount)
    return len(set(per_tag.values())) < len(per_tag)


EDGES: dict[str, Edge] = {
    "no orders": empty(0),
    "a single order": one_row(0),
    "an order without tags": args(lambda o: any(not _normal(t) for t in o["tags"])),
    "a tag blank after stripping": args(
        lambda o: any(t and not t.strip() for tags in o["tags"] for t in tags)
    ),
    "a tag repeated only once normalised": args(_repeat_after_normalising_only),
    "an unknown amount on a tagged order": args(_unknown_amount_with_tag),
    "a tag whose amounts are all unknown": args(
        lambda o: any(
            all(math.isnan(a) for a, t in zip(o["amount"], o["tags"], strict=True) if tag in _normal(t))
            for tags in o["tags"]
            for tag in _normal(tags)
        )
    ),
    "equal revenues": args(_tie_in_revenue),
    "no tag at all among some orders": args(lambda o: len(o) > 0 and not any(_normal(t) for t in o["tags"])),
}
