"""The pool's skill level scale, defined here and only here.

A verified skill level is a whole number from 0 to 4, made from the mean of the human-reviewed
scores (each 0..1, shown as a percentage) of the answers and exercise runs that give evidence of
the skill:

====  ==================  =========================
level  mean reviewed score  read as
====  ==================  =========================
0      below 20%           no evidence of the skill
1      20% to under 40%    basic
2      40% to under 60%    working
3      60% to under 80%    strong
4      80% and above       excellent
====  ==================  =========================

"Human-reviewed" means a score a reviewer changed (an override) or confirmed by committing their
review of the attempt after the automatic score was made; an automatic score nobody reviewed
never counts. A level is as old as the newest review behind it (its "verified" date) and is shown
as stale once ``MLINTERVIEW_POOL_LEVEL_VALID_DAYS`` days (default 365) have passed since then.

This module knows no Django; the web app's services feed it numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

TOP = 4
NAMES = {0: "no evidence", 1: "basic", 2: "working", 3: "strong", 4: "excellent"}
DEFAULT_VALID_DAYS = 365


def level_of(mean: float) -> int:
    """The level of a mean reviewed score between 0 and 1 (see the table above)."""
    if not 0.0 <= mean <= 1.0:
        raise ValueError(f"a mean score is between 0 and 1, not {mean!r}")
    return min(TOP, int(mean * 5 + 1e-9))


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def describe(level: int) -> str:
    return f"{level}/{TOP} ({NAMES[level]})"
