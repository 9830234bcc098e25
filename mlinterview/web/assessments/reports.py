"""A one-page PDF report per candidate: totals, a per-topic chart and each item's evidence."""

from __future__ import annotations

import base64
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from mlinterview import charts
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services


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
    items = []
    for answer in attempt.answers.select_related("item__question_version").prefetch_related("scores"):
        score = answer.score
        data = answer.item.question_version.data if answer.item.question_version else {}
        evidence = score.evidence if score is not None else {}
        items.append(
            {
                "title": data.get("title") or answer.item.exercise_slug,
                "group": services.item_group(answer.item),
                "value": score.value if score is not None else None,
                "overridden": bool(score and score.latest_override),
                "covered": [k["text"] for k in evidence.get("key_points", []) if k.get("covered")],
                "missed": [
                    k["text"].rstrip(". ") for k in evidence.get("key_points", []) if not k.get("covered")
                ],
                "misconceptions": [mc["text"].rstrip(". ") for mc in evidence.get("misconceptions", [])],
                "tests": evidence.get("tests", []),
            }
        )
    by_topic = row.by_set if row else {}
    return {
        "assessment": version.assessment,
        "version": version,
        "name": str(attempt.invitation.candidate) if reveal_identity else attempt.invitation.candidate.alias,
        "attempt": attempt,
        "total": row.total if row else None,
        "items": items,
        "chart": base64.b64encode(topic_chart_png(by_topic)).decode(),
        "generated_at": timezone.now(),
    }


def candidate_report_pdf(attempt: m.Attempt, *, reveal_identity: bool, base_url: str = "/") -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "assessments/report.html", report_context(attempt, reveal_identity=reveal_identity)
    )
    return HTML(string=html, base_url=base_url).write_pdf()
