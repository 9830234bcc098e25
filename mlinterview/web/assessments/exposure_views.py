"""Retiring a leaked question or exercise from the builder (issue 16, point 3): administrators
only; the rule and the audit live in ``services/exposure.py``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.services import exposure


@require_POST
@login_required
def retire(request: HttpRequest) -> HttpResponse:
    if not exposure.may_retire(request.user):
        raise PermissionDenied("Only an administrator may retire a question or an exercise.")
    kind = request.POST.get("kind", "")
    slug = request.POST.get("slug", "")
    reason = request.POST.get("reason", "")
    try:
        if kind == exposure.QUESTION:
            question = exposure.retire_question(slug, request.user, reason)
            messages.success(request, f"“{question.title}” is retired as leaked.")
        elif kind == exposure.EXERCISE:
            exposure.retire_exercise(slug, request.user, reason)
            messages.success(request, f"The exercise {slug} is retired as leaked.")
        else:
            raise AssessmentError("Choose a question or an exercise to retire.")
    except AssessmentError as exc:
        messages.error(request, str(exc))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        return redirect(back)
    return redirect("assessment-list")
