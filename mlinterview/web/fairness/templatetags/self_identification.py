"""``{% self_identification_offer token %}``: the invitation to the optional form, shown on the
candidate's pages only when the organisation has set up categories."""

from __future__ import annotations

from typing import Any

from django import template

from mlinterview.web.fairness.models import Category

register = template.Library()


@register.inclusion_tag("fairness/_offer.html")
def self_identification_offer(token: str) -> dict[str, Any]:
    return {"offered": bool(token) and Category.objects.exists(), "token": token}
