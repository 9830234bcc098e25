"""Selection rates, impact ratios, the four-fifths flag, Fisher's exact test and small-group warnings.

Everything here works on counts: for each group of one category, how many candidates it has and
how many of them were selected (at a cut-off, or above the median score). Unknowns are not passed
in; the caller counts them apart.

- Rate: selected / total in the group.
- Impact ratio: the group's rate divided by the highest rate among the category's groups (so the
  top group's ratio is 1); undefined (None) when no group has anyone selected.
- Four-fifths flag: an impact ratio below 0.8, the EEOC's rule of thumb for adverse impact.
- Fisher's exact test (two-sided): the 2x2 table of this group against the rest of the category,
  selected and not selected; undefined when the category has only this group.
- Warnings: fewer than ``MIN_GROUP_SIZE`` candidates in the group, or fewer than ``MIN_SELECTED``
  selected in it; the numbers of such a group are too small to conclude either way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from scipy.stats import fisher_exact

FOUR_FIFTHS = 0.8
MIN_GROUP_SIZE = 30
MIN_SELECTED = 5


@dataclass(frozen=True)
class GroupRate:
    """One group's numbers in one category."""

    group: str
    total: int
    selected: int
    rate: float
    impact_ratio: float | None
    four_fifths_flag: bool
    fisher_odds_ratio: float | None
    fisher_p_value: float | None
    warnings: tuple[str, ...]


def small_group_warnings(total: int, selected: int, *, what: str = "selected") -> tuple[str, ...]:
    found = []
    if total < MIN_GROUP_SIZE:
        found.append(
            f"only {total} candidates in this group (rule: fewer than {MIN_GROUP_SIZE}"
            " is too few to conclude)"
        )
    if selected < MIN_SELECTED:
        found.append(
            f"only {selected} {what} in this group (rule: fewer than {MIN_SELECTED} is too few to conclude)"
        )
    return tuple(found)


def _fisher(
    selected: int, total: int, rest_selected: int, rest_total: int
) -> tuple[float | None, float | None]:
    if rest_total == 0:
        return None, None
    table = [[selected, total - selected], [rest_selected, rest_total - rest_selected]]
    result = fisher_exact(table, alternative="two-sided")
    odds = float(result.statistic)
    return (None if math.isnan(odds) else odds), float(result.pvalue)


def group_rates(counts: Mapping[str, tuple[int, int]], *, what: str = "selected") -> list[GroupRate]:
    """Rates for a category from ``{group: (total, selected)}``, the highest rate first.

    Groups with no candidates are skipped. ``what`` names the selection in warnings
    ("selected", "above the median").
    """
    present = {group: (total, selected) for group, (total, selected) in counts.items() if total > 0}
    for group, (total, selected) in present.items():
        if not 0 <= selected <= total:
            raise ValueError(f"group {group!r}: {selected} selected out of {total}")
    rates = {group: selected / total for group, (total, selected) in present.items()}
    top = max(rates.values(), default=0.0)
    all_total = sum(total for total, _ in present.values())
    all_selected = sum(selected for _, selected in present.values())
    rows = []
    for group, (total, selected) in present.items():
        rate = rates[group]
        ratio = rate / top if top > 0 else None
        odds, p_value = _fisher(selected, total, all_selected - selected, all_total - total)
        rows.append(
            GroupRate(
                group=group,
                total=total,
                selected=selected,
                rate=rate,
                impact_ratio=ratio,
                four_fifths_flag=ratio is not None and ratio < FOUR_FIFTHS,
                fisher_odds_ratio=odds,
                fisher_p_value=p_value,
                warnings=small_group_warnings(total, selected, what=what),
            )
        )
    rows.sort(key=lambda row: (-row.rate, row.group))
    return rows
