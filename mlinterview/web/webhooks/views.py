"""The webhook pages: the list of endpoints and a form to add one (its secret shown once), an
endpoint's delivery log, and a delivery's tries with a button to send it again. Thin: the rules
are in ``access`` and ``services``."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mlinterview.web.webhooks import models as wm
from mlinterview.web.webhooks import services
from mlinterview.web.webhooks.access import may_manage_webhooks
from mlinterview.web.webhooks.jobs import body_of

LOG_LENGTH = 100


def _allowed(request: HttpRequest) -> None:
    if not may_manage_webhooks(request.user):
        raise PermissionDenied("Webhooks are set up by administrators.")


@login_required
def endpoints(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    created, error = None, ""
    form = {"url": "", "description": "", "events": [], "timeout": "10"}
    if request.method == "POST":
        form = {
            "url": request.POST.get("url", ""),
            "description": request.POST.get("description", ""),
            "events": request.POST.getlist("events"),
            "timeout": request.POST.get("timeout", "10"),
        }
        try:
            timeout = int(form["timeout"] or 10)
        except ValueError:
            timeout = 0
        try:
            created = services.create_endpoint(
                form["url"],
                form["events"],
                request.user,
                description=form["description"],
                allow_private=request.POST.get("allow_private") == "on",
                timeout_seconds=timeout,
            )
        except services.WebhookError as exc:
            error = str(exc)
    return render(
        request,
        "webhooks/endpoints.html",
        {
            "endpoints": wm.Endpoint.objects.order_by("-created_at"),
            "events": wm.EVENTS,
            "created": created,  # its secret is shown on this response only
            "error": error,
            "form": form,
            "may_allow_private": request.user.is_superuser,
        },
        status=400 if error else 200,
    )


@login_required
def endpoint(request: HttpRequest, pk: int) -> HttpResponse:
    _allowed(request)
    target = get_object_or_404(wm.Endpoint, pk=pk)
    deliveries = target.deliveries.select_related("event").order_by("-created_at")[:LOG_LENGTH]
    return render(request, "webhooks/endpoint.html", {"endpoint": target, "deliveries": deliveries})


@login_required
@require_POST
def toggle(request: HttpRequest, pk: int) -> HttpResponse:
    _allowed(request)
    target = get_object_or_404(wm.Endpoint, pk=pk)
    services.set_active(target, request.POST.get("active") == "1", request.user)
    messages.success(
        request, "Endpoint enabled." if target.active else "Endpoint disabled: nothing more is sent."
    )
    return redirect("webhook-detail", pk=target.pk)


@login_required
def delivery(request: HttpRequest, pk: int) -> HttpResponse:
    _allowed(request)
    shown = get_object_or_404(wm.Delivery.objects.select_related("event", "endpoint"), pk=pk)
    body = json.dumps(json.loads(body_of(shown.event)), indent=2, sort_keys=True)
    return render(
        request,
        "webhooks/delivery.html",
        {"delivery": shown, "tries": shown.attempts.all(), "body": body},
    )


@login_required
@require_POST
def replay(request: HttpRequest, pk: int) -> HttpResponse:
    _allowed(request)
    shown = get_object_or_404(wm.Delivery.objects.select_related("event", "endpoint"), pk=pk)
    try:
        again = services.replay(shown, request.user)
    except services.WebhookError as exc:
        messages.error(request, str(exc))
        return redirect("webhook-delivery", pk=shown.pk)
    messages.success(request, "The event is queued to be sent again.")
    return redirect("webhook-delivery", pk=again.pk)
