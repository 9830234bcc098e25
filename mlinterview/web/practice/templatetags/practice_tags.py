"""Practice keeps the scorer's 0-5 scores (the review schedule is built on them); its pages print
them on the product's one scale, as a percentage, like the review page and the scorecard."""

from __future__ import annotations

from typing import Any

from django import template

from mlinterview.web.assessments.templatetags.review_tags import percent
from mlinterview.web.practice.services import on_product_scale

register = template.Library()


@register.filter
def band_percent(score: Any) -> str:
    """A 0-5 score as a percentage of the product's scale ("64%"); "–" when there is none."""
    if score is None or score == "":
        return percent(None)
    return percent(on_product_scale(float(score)))
