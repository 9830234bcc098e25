"""The input: one record per candidate, and how group labels are read from it.

A label that is missing, empty, or one of ``UNKNOWN_LABELS`` (compared without case or surrounding
spaces, so "Prefer not to say" counts) is unknown: such a candidate is counted as unknown in that
category and left out of its rates. An intersection of two categories is unknown when either
label is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

PREFER_NOT_TO_SAY = "prefer not to say"
UNKNOWN_LABELS = frozenset({PREFER_NOT_TO_SAY, "unknown", "not stated", "declined"})
# Joins two categories' names, and two labels, into an intersectional category and group.
INTERSECTION = " × "


@dataclass(frozen=True)
class Record:
    """One candidate: group label per category, the score, and optionally the graders' scores.

    ``score`` is the score the cut-off applies to (None: not scored yet, left out of everything).
    ``grader_scores`` maps an automatic grader's name to its score for this candidate, and
    ``final_score`` is the score after human review; both are only used to compare each grader
    with the final scores.
    """

    groups: Mapping[str, str | None]
    score: float | None
    grader_scores: Mapping[str, float | None] = field(default_factory=dict)
    final_score: float | None = None
    candidate: str = ""


def is_unknown(label: str | None) -> bool:
    return label is None or not label.strip() or label.strip().casefold() in UNKNOWN_LABELS


def label_of(record: Record, category: str) -> str | None:
    """The record's label in a category or an intersection ``a × b`` (None when unknown)."""
    parts = category.split(INTERSECTION)
    labels = [record.groups.get(part) for part in parts]
    if any(is_unknown(label) for label in labels):
        return None
    return INTERSECTION.join(str(label).strip() for label in labels)


def categories_of(records: Iterable[Record]) -> list[str]:
    """The categories named by any record, in the order they first appear."""
    seen: dict[str, None] = {}
    for record in records:
        for name in record.groups:
            seen.setdefault(name, None)
    return list(seen)


def intersections(categories: Sequence[str]) -> list[str]:
    """Every pair of categories, as ``a × b`` in the given order."""
    return [f"{a}{INTERSECTION}{b}" for a, b in combinations(categories, 2)]
