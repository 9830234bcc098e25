"""The adverse-impact report: every category and pair of categories, for each score source.

A candidate is selected when their score is at or above the cut-off. "Above the median" means
strictly above the median of every scored candidate in the same analysis (unknowns included, as
the median is the whole sample's), the "scoring rate" of Local Law 144 bias audits. A record
without a score is left out of everything and counted as unscored.

For each automatic grader, the records that have both that grader's score and a final
human-reviewed score are analysed twice, by the automatic score and by the final score, with the
same cut-off, so the two can be read side by side per group.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median

from mlinterview.fairness.rates import GroupRate, group_rates
from mlinterview.fairness.records import INTERSECTION, Record, categories_of, intersections, label_of


@dataclass(frozen=True)
class CategoryRates:
    """One category's (or pair of categories') groups, the highest rate first."""

    category: str
    intersectional: bool
    unknown: int
    rows: tuple[GroupRate, ...]

    @property
    def reference_group(self) -> str | None:
        """The group with the highest rate, the one impact ratios are taken against."""
        return self.rows[0].group if self.rows else None

    @property
    def flagged(self) -> tuple[str, ...]:
        return tuple(row.group for row in self.rows if row.four_fifths_flag)


@dataclass(frozen=True)
class Analysis:
    """One source of scores: selection at the cut-off, and the share above the median."""

    source: str
    scored: int
    cutoff: float
    median: float | None
    selection: tuple[CategoryRates, ...]
    above_median: tuple[CategoryRates, ...]


@dataclass(frozen=True)
class GraderComparison:
    """An automatic grader against the final human-reviewed scores, on the same candidates."""

    grader: str
    automatic: Analysis
    final: Analysis


@dataclass(frozen=True)
class ImpactReport:
    cutoff: float
    records: int
    unscored: int
    categories: tuple[str, ...]
    scores: Analysis
    graders: tuple[GraderComparison, ...]


def _category_rates(
    scored: Sequence[tuple[Record, float]], category: str, threshold: float, *, strictly_above: bool
) -> CategoryRates:
    counts: dict[str, tuple[int, int]] = {}
    unknown = 0
    for record, score in scored:
        label = label_of(record, category)
        if label is None:
            unknown += 1
            continue
        passed = score > threshold if strictly_above else score >= threshold
        total, selected = counts.get(label, (0, 0))
        counts[label] = (total + 1, selected + int(passed))
    what = "above the median" if strictly_above else "selected"
    rows = group_rates(counts, what=what)
    return CategoryRates(
        category=category, intersectional=INTERSECTION in category, unknown=unknown, rows=tuple(rows)
    )


def analyse(
    source: str,
    scored: Sequence[tuple[Record, float]],
    cutoff: float,
    categories: Sequence[str],
) -> Analysis:
    """Selection at ``cutoff`` and the share above the median, for ``(record, score)`` pairs."""
    middle = median(score for _, score in scored) if scored else None
    selection = [_category_rates(scored, name, cutoff, strictly_above=False) for name in categories]
    above = (
        [_category_rates(scored, name, middle, strictly_above=True) for name in categories]
        if middle is not None
        else []
    )
    return Analysis(
        source=source,
        scored=len(scored),
        cutoff=cutoff,
        median=middle,
        selection=tuple(selection),
        above_median=tuple(above),
    )


def _grader_names(records: Iterable[Record]) -> list[str]:
    seen: dict[str, None] = {}
    for record in records:
        for name in record.grader_scores:
            seen.setdefault(name, None)
    return list(seen)


def adverse_impact(
    records: Iterable[Record],
    cutoff: float,
    *,
    categories: Sequence[str] | None = None,
    intersectional: bool = True,
) -> ImpactReport:
    """The full report for ``records`` at ``cutoff`` (selected: score >= cutoff).

    ``categories`` fixes which categories are reported and in which order (by default every
    category any record names, in order of first appearance); with ``intersectional`` every pair
    of them is reported too.
    """
    records = list(records)
    plain = list(categories) if categories is not None else categories_of(records)
    names = plain + (intersections(plain) if intersectional else [])
    scored = [(record, float(record.score)) for record in records if record.score is not None]
    graders = []
    for grader in _grader_names(records):
        pairs = [(record, record.grader_scores.get(grader), record.final_score) for record in records]
        both = [
            (record, float(auto), float(final))
            for record, auto, final in pairs
            if auto is not None and final is not None
        ]
        graders.append(
            GraderComparison(
                grader=grader,
                automatic=analyse(f"{grader} (automatic)", [(r, a) for r, a, _ in both], cutoff, names),
                final=analyse(f"{grader} (final, reviewed)", [(r, f) for r, _, f in both], cutoff, names),
            )
        )
    return ImpactReport(
        cutoff=cutoff,
        records=len(records),
        unscored=len(records) - len(scored),
        categories=tuple(plain),
        scores=analyse("score", scored, cutoff, names),
        graders=tuple(graders),
    )
