"""The adverse-impact report of one assessment: records from the database, the core's numbers,
a chart, the CSV and the PDF.

Each submitted attempt (every published version) is one record:

- ``score``: the attempt's total as the shortlist ranks it (weighted mean of the items' scores,
  a reviewer's override replacing the automatic value), in percent; None while any score is
  pending or failed (counted as unscored).
- per automatic grader (``Score.grader``, the primary ones and second opinions alike): the
  weighted mean of that grader's own values over the items it graded, in percent; and
  ``final_score``: the weighted mean of the final (reviewed) values over the same items. The final
  score is given only once someone has committed a review of the attempt, so the comparison is
  between a grader and what people decided.
- ``groups``: the candidate's self-identified label per category (absent: unknown).
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone

from mlinterview import charts
from mlinterview.fairness import (
    COLUMNS,
    Analysis,
    CategoryRates,
    ImpactReport,
    Record,
    adverse_impact,
    csv_rows,
)
from mlinterview.fairness.records import INTERSECTION
from mlinterview.web import csvsafe
from mlinterview.web.assessments import models as m
from mlinterview.web.fairness.models import Category, SelfIdentification

DEFAULT_CUTOFF = 60.0  # percent


def _mean(pairs: list[tuple[float, float]]) -> float | None:
    weights = sum(weight for weight, _ in pairs)
    return 100 * sum(weight * value for weight, value in pairs) / weights if weights else None


@dataclass(frozen=True)
class Candidate:
    """One submitted attempt: labels, total, and per grader (its score, the final one on its items)."""

    attempt_id: int
    groups: dict[str, str]
    score: float | None
    graders: dict[str, tuple[float | None, float | None]]


def candidates(assessment: m.Assessment) -> list[Candidate]:
    """One per submitted attempt of the assessment (see the module's docstring)."""
    attempts = (
        m.Attempt.objects.filter(
            invitation__version__assessment=assessment,
            invitation__version__published_at__isnull=False,
            submitted_at__isnull=False,
        )
        .annotate(reviewed=Exists(m.ReviewCommit.objects.filter(attempt=OuterRef("pk"))))
        .prefetch_related("answers__scores__overrides", "answers__item")
        .order_by("submitted_at", "pk")
    )
    labels: dict[int, dict[str, str]] = {}
    rows = SelfIdentification.objects.filter(invitation__version__assessment=assessment).values_list(
        "invitation_id", "category__name", "label"
    )
    for invitation_id, category, label in rows:
        labels.setdefault(invitation_id, {})[category] = label
    found = []
    for attempt in attempts:
        final: list[tuple[float, float]] = []
        final_of: dict[int, float] = {}
        complete = True
        graded: dict[str, list[tuple[m.AssessmentItem, float]]] = {}
        for answer in attempt.answers.all():
            primary = answer.score
            value = primary.value if primary is not None else None
            if value is None:
                complete = False
            else:
                final.append((answer.item.weight, value))
                final_of[answer.item_id] = value
            for score in answer.scores.all():
                if score.status == m.Score.Status.DONE and score.auto_value is not None:
                    graded.setdefault(score.grader, []).append((answer.item, score.auto_value))
        graders = {}
        for grader, pairs in graded.items():
            reviewed = [(item.weight, final_of[item.pk]) for item, _ in pairs if item.pk in final_of]
            final_here = _mean(reviewed) if attempt.reviewed and len(reviewed) == len(pairs) else None
            graders[grader] = (_mean([(item.weight, value) for item, value in pairs]), final_here)
        found.append(
            Candidate(
                attempt_id=attempt.pk,
                groups=labels.get(attempt.invitation_id, {}),
                score=_mean(final) if complete else None,
                graders=graders,
            )
        )
    return found


def category_names() -> list[str]:
    return list(Category.objects.values_list("name", flat=True))


def build(
    people: list[Candidate], cutoff: float, categories: list[str], focus: str | None = None
) -> ImpactReport:
    """The core's report at ``cutoff`` (percent) over ``categories`` and every pair of them.

    Each grader is compared with the final scores on its own items, so each gets its own call of
    the core. With ``focus``, only that category and its intersections are kept.
    """
    main = adverse_impact(
        [Record(groups=p.groups, score=p.score, candidate=str(p.attempt_id)) for p in people],
        cutoff,
        categories=categories,
    )
    graders: list[str] = []
    for person in people:
        graders += [g for g in person.graders if g not in graders]
    comparisons = []
    for grader in graders:
        records = [
            Record(
                groups=p.groups,
                score=None,
                grader_scores={grader: p.graders[grader][0]},
                final_score=p.graders[grader][1],
                candidate=str(p.attempt_id),
            )
            for p in people
            if grader in p.graders
        ]
        comparisons += adverse_impact(records, cutoff, categories=categories).graders
    report = replace(main, graders=tuple(comparisons))
    return focused(report, focus) if focus else report


def _keep(analysis: Analysis, focus: str) -> Analysis:
    def wanted(block: CategoryRates) -> bool:
        return focus in block.category.split(INTERSECTION)

    return replace(
        analysis,
        selection=tuple(b for b in analysis.selection if wanted(b)),
        above_median=tuple(b for b in analysis.above_median if wanted(b)),
    )


def focused(report: ImpactReport, focus: str) -> ImpactReport:
    """The report cut down to one category and the intersections it is part of."""
    return replace(
        report,
        categories=(focus,),
        scores=_keep(report.scores, focus),
        graders=tuple(
            replace(g, automatic=_keep(g.automatic, focus), final=_keep(g.final, focus))
            for g in report.graders
        ),
    )


def csv_text(report: ImpactReport) -> str:
    """The report's rows (the core's ``csv_rows``) as CSV, written through ``csvsafe``."""
    out = io.StringIO()
    writer = csvsafe.writer(out)
    writer.writerow(COLUMNS)
    for row in csv_rows(report):
        writer.writerow([row[column] for column in COLUMNS])
    return out.getvalue()


def chart_png(report: ImpactReport) -> bytes:
    """Impact ratio of each group (plain categories, at the cut-off), with the four-fifths line."""
    bars = [
        (f"{block.category}: {row.group}", row.impact_ratio or 0.0, row.four_fifths_flag)
        for block in report.scores.selection
        if not block.intersectional
        for row in block.rows
    ] or [("(no groups)", 0.0, False)]

    def draw(axis: Any) -> None:
        labels = [label for label, _, _ in bars]
        values = [value for _, value, _ in bars]
        colours = ["#b25e00" if flagged else "#1f5fbf" for _, _, flagged in bars]
        drawn = axis.barh(labels, values, color=colours)
        axis.axvline(0.8, color="#444", linestyle="--", linewidth=1)
        axis.text(0.8, -0.6, " four-fifths (0.8)", fontsize=7, va="top")
        axis.set_xlim(0, 1.1)
        axis.set_xlabel(f"impact ratio at cut-off {report.cutoff:g}% (selection rate / highest group's)")
        axis.invert_yaxis()
        axis.bar_label(drawn, labels=[f"{v:.3f}" for v in values], padding=3, fontsize=7)
        axis.spines[["top", "right"]].set_visible(False)

    return charts.png(draw, size=(6.4, 0.38 * len(bars) + 1.1), dpi=130)


def context(assessment: m.Assessment, report: ImpactReport, focus: str | None) -> dict[str, Any]:
    return {
        "assessment": assessment,
        "report": report,
        "focus": focus,
        "chart": base64.b64encode(chart_png(report)).decode(),
        "generated_at": timezone.now(),
        "unknown_note": 'Unknown: no answer, or "Prefer not to say"; left out of that category\'s rates.',
    }


def pdf_bytes(
    assessment: m.Assessment, report: ImpactReport, focus: str | None, base_url: str = "/"
) -> bytes:
    from weasyprint import HTML

    html = render_to_string("fairness/report_pdf.html", context(assessment, report, focus))
    return HTML(string=html, base_url=base_url).write_pdf()
