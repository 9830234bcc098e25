"""The report as CSV rows: one per score source, measure, category and group.

The rows are plain strings; whoever writes the file uses ``mlinterview.web.csvsafe`` (group labels
are typed by an organisation, so a cell could start like a spreadsheet formula). A core cannot
import the web layer, so this module stops at the rows.

Columns: ``source`` (the score, or an automatic grader's or the final score on that grader's
candidates), ``measure`` ("selection at cut-off" or "above median"), ``threshold`` (the cut-off or
the median), ``category``, ``intersectional``, ``group``, ``total``, ``selected``, ``rate``,
``impact_ratio``, ``four_fifths_flag``, ``fisher_odds_ratio``, ``fisher_p_value``,
``unknown_in_category`` and ``warnings`` (joined by "; "). An undefined number is an empty cell.
"""

from __future__ import annotations

from mlinterview.fairness.report import Analysis, CategoryRates, ImpactReport

COLUMNS = (
    "source",
    "measure",
    "threshold",
    "category",
    "intersectional",
    "group",
    "total",
    "selected",
    "rate",
    "impact_ratio",
    "four_fifths_flag",
    "fisher_odds_ratio",
    "fisher_p_value",
    "unknown_in_category",
    "warnings",
)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}"


def _rows(
    source: str, measure: str, threshold: float | None, blocks: tuple[CategoryRates, ...]
) -> list[dict[str, str]]:
    rows = []
    for block in blocks:
        for row in block.rows:
            rows.append(
                {
                    "source": source,
                    "measure": measure,
                    "threshold": _number(threshold),
                    "category": block.category,
                    "intersectional": "yes" if block.intersectional else "no",
                    "group": row.group,
                    "total": str(row.total),
                    "selected": str(row.selected),
                    "rate": _number(row.rate),
                    "impact_ratio": _number(row.impact_ratio),
                    "four_fifths_flag": "yes" if row.four_fifths_flag else "no",
                    "fisher_odds_ratio": _number(row.fisher_odds_ratio),
                    "fisher_p_value": _number(row.fisher_p_value),
                    "unknown_in_category": str(block.unknown),
                    "warnings": "; ".join(row.warnings),
                }
            )
    return rows


def _analysis_rows(analysis: Analysis) -> list[dict[str, str]]:
    return _rows(analysis.source, "selection at cut-off", analysis.cutoff, analysis.selection) + _rows(
        analysis.source, "above median", analysis.median, analysis.above_median
    )


def csv_rows(report: ImpactReport) -> list[dict[str, str]]:
    """Every row of the CSV, as dictionaries keyed by ``COLUMNS``."""
    rows = _analysis_rows(report.scores)
    for comparison in report.graders:
        rows += _analysis_rows(comparison.automatic) + _analysis_rows(comparison.final)
    return rows
