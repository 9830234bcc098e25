"""The review page's and the shortlist's similarity flags (the assessments templates load these,
so the assessments app imports nothing of this one)."""

from __future__ import annotations

from typing import Any

from django import template

from mlinterview.web.integrity import review

register = template.Library()


@register.simple_tag(takes_context=True)
def similarity_flags(context: Any, answer: Any) -> list[review.Flag]:
    """The answer's findings as the signed-in reviewer may see them."""
    return review.flags_for(answer, context["request"].user)


@register.simple_tag
def flagged_answers(rows: Any) -> dict[int, int]:
    """{attempt id: flagged answers} for the shortlist's rows."""
    return review.flagged_answers(row.attempt.pk for row in rows)
