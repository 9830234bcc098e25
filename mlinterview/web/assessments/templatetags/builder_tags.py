"""Template helpers for pages outside the assessments app that offer building actions."""

from __future__ import annotations

from typing import Any

from django import template

from mlinterview.web.assessments import access

register = template.Library()


@register.simple_tag
def draft_assessments_of(user: Any) -> list[Any]:
    """The draft assessments ``user`` may add questions to (none for those who do not build)."""
    return list(access.draft_assessments(user))
