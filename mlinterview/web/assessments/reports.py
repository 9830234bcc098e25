"""The PDF report of one candidate: the total, a chart per topic, each item's score and evidence,
then each answer as typed with any reviewer's change of its score (value, reason, who and when)."""

from __future__ import annotations

import base64
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from mlinterview import charts
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import results, services


def topic_chart_png(by_topic: dict[str, float]) -> bytes:
    """A horizontal bar chart of the score per topic (0-100%), as PNG bytes."""
    topics = list(by_topic) or ["(no scored items)"]
    values = [100 * by_topic[t] for t in by_topic] or [0.0]

    def draw(axis: Any) -> None:
        bars = axis.barh(topics, values, color="#1f5fbf")
        axis.set_xlim(0, 100)
        axis.set_xlabel("score (%)")
        axis.invert_yaxis()
        axis.bar_label(bars, labels=[f"{v:.0f}%" for v in values], padding=3, fontsize=8)
        axis.spines[["top", "right"]].set_visible(False)

    return charts.png(draw, size=(6.2, 0.45 * len(topics) + 0.9), dpi=150)


def report_context(attempt: m.Attempt, *, reveal_identity: bool) -> dict[str, Any]:
    version = attempt.invitation.version
    row = next((r for r in services.shortlist(version) if r.attempt.pk == attempt.pk), None)
    by_group = row.by_set if row else {}
    titles = results.group_titles(by_group)
    return {
        "assessment": version.assessment,
        "version": version,
        "name": str(attempt.invitation.candidate) if reveal_identity else attempt.invitation.candidate.alias,
        "attempt": attempt,
        "total": row.total if row else None,
        "items": results.answer_views(attempt),
        "chart": base64.b64encode(topic_chart_png({titles[g]: v for g, v in by_group.items()})).decode(),
        "generated_at": timezone.now(),
    }


def candidate_report_pdf(attempt: m.Attempt, *, reveal_identity: bool, base_url: str = "/") -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "assessments/report.html", report_context(attempt, reveal_identity=reveal_identity)
    )
    return HTML(string=html, base_url=base_url).write_pdf()
