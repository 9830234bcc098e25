"""Template helpers of the candidate's pages: the organisation's name and time left in words."""

from typing import Any

from django import template
from django.conf import settings

from mlinterview.web.assessments.services.progress import describe_time_left

register = template.Library()


@register.simple_tag
def organisation_name() -> str:
    """``MLINTERVIEW_ORGANISATION_NAME``, or "" when the install has not named itself."""
    return str(getattr(settings, "MLINTERVIEW_ORGANISATION_NAME", "") or "")


@register.filter
def time_left(seconds: Any) -> str:
    """Seconds as the candidate reads them: "44 minutes", "1 minute", "42 seconds"."""
    return describe_time_left(int(seconds or 0))
