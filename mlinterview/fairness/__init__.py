"""Adverse-impact numbers for automated scores in hiring, from plain records (no Django here).

from mlinterview.fairness import COLUMNS, Record, adverse_impact, csv_rows
report = adverse_impact(records, cutoff=3.5)   # an ImpactReport of plain dataclasses
csv_rows(report)                               # dicts keyed by COLUMNS, one per group, measure, source

Given each candidate's self-identified group per category (or none: "prefer not to say"), a score,
and optionally each automatic grader's score with the final human-reviewed score, it reports for a
cut-off the selection rate by group, the impact ratio against the group with the highest rate, the
four-fifths flag, Fisher's exact test of each group against the rest of its category and warnings
when a group is too small to conclude; the same for the share above the median score (as New York
City's Local Law 144 bias audits report it), for pairs of categories (intersections), and for each
automatic grader against the final scores. Unknowns are counted and left out of the rates.
May import: scipy and the standard library; no Django, no other mlinterview package.
"""

from mlinterview.fairness.export import COLUMNS, csv_rows
from mlinterview.fairness.rates import (
    FOUR_FIFTHS,
    MIN_GROUP_SIZE,
    MIN_SELECTED,
    GroupRate,
    group_rates,
)
from mlinterview.fairness.records import PREFER_NOT_TO_SAY, Record, is_unknown
from mlinterview.fairness.report import (
    Analysis,
    CategoryRates,
    GraderComparison,
    ImpactReport,
    adverse_impact,
)

__all__ = [
    "FOUR_FIFTHS",
    "MIN_GROUP_SIZE",
    "MIN_SELECTED",
    "PREFER_NOT_TO_SAY",
    "Analysis",
    "CategoryRates",
    "GraderComparison",
    "GroupRate",
    "ImpactReport",
    "Record",
    "adverse_impact",
    "COLUMNS",
    "csv_rows",
    "group_rates",
    "is_unknown",
]
