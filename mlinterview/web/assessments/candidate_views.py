"""What a candidate sees: reached only through a personal invitation link (no account).

Every view resolves the token first (unknown, expired and used tokens are refused), and shows
only the prompt or the exercise statement with its public examples: never a reference answer,
rubric or hidden test.
"""

from __future__ import annotations

import json
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mlinterview.web.assessments import grading, services
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.candidate_items import candidate_view_of
from mlinterview.web.assessments.services import activity, progress
from mlinterview.web.assessments.services.exposure import mark_shown


def with_invitation(view: Any) -> Any:
    @wraps(view)
    def wrapper(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            invitation = services.resolve_token(token)
        except services.InvalidToken as exc:
            if _wants_json(request):
                return JsonResponse({"error": str(exc)}, status=403)
            return render(request, "assessments/take/refused.html", {"message": str(exc)}, status=403)
        return view(request, invitation, token, *args, **kwargs)

    return wrapper


def _wants_json(request: HttpRequest) -> bool:
    return (
        "application/json" in request.headers.get("Accept", "") or request.content_type == "application/json"
    )


@with_invitation
def landing(request: HttpRequest, invitation: m.Invitation, token: str) -> HttpResponse:
    attempt = services.attempt_of(invitation)
    if attempt is not None:
        return redirect("take-item", token=token, position=attempt.position)
    version = invitation.version
    return render(
        request,
        "assessments/take/landing.html",
        {
            "invitation": invitation,
            "version": version,
            "token": token,
            "items": version.items.count(),
            "minutes": version.time_limit_minutes + invitation.extra_time_minutes,
            "second_opinion_host": grading.second_opinion_host()
            if version.items.filter(kind=m.AssessmentItem.Kind.QUESTION).exists()
            else None,
        },
    )


@require_POST
@with_invitation
def start(request: HttpRequest, invitation: m.Invitation, token: str) -> HttpResponse:
    attempt = services.start_attempt(invitation)
    return redirect("take-item", token=token, position=attempt.position)


@with_invitation
def item(request: HttpRequest, invitation: m.Invitation, token: str, position: int) -> HttpResponse:
    attempt = services.attempt_of(invitation)
    if attempt is None:
        return redirect("take-landing", token=token)
    items = list(invitation.version.items.all())
    if not 0 <= position < len(items):
        raise Http404("No such item.")
    current = items[position]
    answer = m.Answer.objects.get(attempt=attempt, item=current)
    if answer.shown_at is None:  # served from now on (issue 16, point 3)
        mark_shown(attempt, current.pk)
    if attempt.position != position:
        attempt.position = position
        attempt.save(update_fields=["position"])
    return render(
        request,
        "assessments/take/item.html",
        {
            "token": token,
            "attempt": attempt,
            "item": current,
            "shown": candidate_view_of(current),
            "answer": answer,
            "position": position,
            "count": len(items),
            "progress": progress.attempt_progress(attempt),
            "seconds_left": services.seconds_left(attempt),
            "max_chars": m.Answer.MAX_CHARS,
            "save_url": reverse("take-save", args=[token]),
            "submit_url": reverse("take-submit", args=[token]),
        },
    )


_GO_BACK = (
    "Saving too often: your answer was not saved this time. Go back to the item (your text is "
    "still in the box), wait a few seconds and press the button again."
)


def _throttled(response: HttpResponse, exc: services.SaveThrottled) -> HttpResponse:
    """A refused save: HTTP 429 that says when to send it again."""
    response["Retry-After"] = str(exc.retry_after)
    return response


@require_POST
@with_invitation
def save(request: HttpRequest, invitation: m.Invitation, token: str) -> HttpResponse:
    """Autosave (JSON from the page's script) or a plain form post when navigating."""
    attempt = services.attempt_of(invitation)
    if attempt is None:
        return JsonResponse({"error": "The assessment has not been started."}, status=409)
    if request.content_type == "application/json":
        try:
            payload = json.loads(request.body or b"{}")
            item_id, content = int(payload["item"]), str(payload.get("content", ""))
        except (ValueError, KeyError, TypeError):
            return JsonResponse({"error": "Malformed save request."}, status=400)
        go_to = None
    else:
        try:
            item_id = int(request.POST.get("item", ""))
        except ValueError:
            return HttpResponse("Malformed save request.", status=400)
        content = request.POST.get("content", "")
        go_to = request.POST.get("go")
    try:
        answer = services.autosave(attempt, item_id, content)
    except m.Answer.DoesNotExist:
        return JsonResponse({"error": "That item is not part of this assessment."}, status=400)
    except services.SaveThrottled as exc:
        if go_to is None:
            return _throttled(
                JsonResponse({"error": str(exc), "retry_after": exc.retry_after}, status=429), exc
            )
        page = render(
            request, "assessments/take/refused.html", {"message": _GO_BACK, "token": token}, status=429
        )
        return _throttled(page, exc)
    except services.AssessmentError as exc:
        status = 413 if len(content) > m.Answer.MAX_CHARS else 409
        if go_to is None:
            return JsonResponse({"error": str(exc)}, status=status)
        return render(
            request, "assessments/take/refused.html", {"message": str(exc), "token": token}, status=status
        )
    if go_to is None:
        return JsonResponse(
            {
                "saved": True,
                "revision": answer.revision,
                "answered": progress.is_answered(answer),
                "seconds_left": services.seconds_left(attempt),
            }
        )
    if go_to == "submit":
        return redirect("take-submit", token=token)
    try:
        return redirect("take-item", token=token, position=int(go_to))
    except ValueError:
        return redirect("take-landing", token=token)


@require_POST
@with_invitation
def report_activity(request: HttpRequest, invitation: m.Invitation, token: str) -> HttpResponse:
    """The page's report of pastes, leaving the tab and typing (services/activity.py): context
    for reviewers, disclosed on the landing page. Only this invitation's attempt is written."""
    attempt = services.attempt_of(invitation)
    if attempt is None:
        return JsonResponse({"error": "The assessment has not been started."}, status=409)
    length = request.headers.get("Content-Length", "0")
    if not length.isdigit() or int(length) > activity.MAX_REPORT_BYTES:  # refused before reading
        return JsonResponse({"error": "Report too large."}, status=413)
    body = request.body
    if len(body) > activity.MAX_REPORT_BYTES:
        return JsonResponse({"error": "Report too large."}, status=413)
    try:
        report = activity.parse_report(json.loads(body or b"null"))
        recorded = activity.record_report(attempt, report)
    except (ValueError, activity.BadReport) as exc:  # json's errors are ValueErrors too
        return JsonResponse({"error": f"Malformed report: {exc}"}, status=400)
    except m.Answer.DoesNotExist:
        return JsonResponse({"error": "That item is not part of this assessment."}, status=400)
    except activity.ReportThrottled as exc:
        refused = JsonResponse({"error": str(exc), "retry_after": exc.retry_after}, status=429)
        refused["Retry-After"] = str(exc.retry_after)
        return refused
    if not recorded:
        return JsonResponse({"recorded": False, "error": "The assessment is closed."}, status=409)
    return JsonResponse({"recorded": True})


@require_POST
@with_invitation
def run_code(request: HttpRequest, invitation: m.Invitation, token: str) -> HttpResponse:
    """Queue a run of the candidate's code on the public examples (the hidden tests stay hidden).

    The code is saved first, also when the run is refused for coming too soon (the answer says
    so: ``saved`` and ``answered``, as an autosave's does); a worker runs it in the sandbox and the
    page polls ``run_status``.
    """
    attempt = services.attempt_of(invitation)
    if attempt is None or not attempt.is_open:
        return JsonResponse({"error": "The assessment is not open."}, status=409)
    try:
        payload = json.loads(request.body or b"{}")
        item_id, source = int(payload["item"]), str(payload.get("content", ""))
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "Malformed run request."}, status=400)
    try:
        run = services.request_trial_run(attempt, item_id, source)
    except services.TrialRunRefused as exc:  # too soon after the last run, or the runs used up
        refused = JsonResponse(
            {"error": str(exc), "retry_after": exc.retry_after, **_saved(attempt, item_id)}, status=429
        )
        if exc.retry_after is not None:
            refused["Retry-After"] = str(exc.retry_after)
        return refused
    except services.SaveThrottled as exc:
        return _throttled(JsonResponse({"error": str(exc), "retry_after": exc.retry_after}, status=429), exc)
    except services.AssessmentError as exc:
        return JsonResponse({"error": str(exc)}, status=409)
    view = services.trial_run_view(run)
    view["poll"] = reverse("take-run-status", args=[token, run.pk])
    view.update(_saved(attempt, item_id))
    return JsonResponse(view, status=202)


def _saved(attempt: m.Attempt, item_id: int) -> dict[str, Any]:
    """What the page learns of the answer a run has just saved."""
    answer = m.Answer.objects.select_related("item").get(attempt=attempt, item_id=item_id)
    return {"saved": True, "revision": answer.revision, "answered": progress.is_answered(answer)}


@with_invitation
def run_status(request: HttpRequest, invitation: m.Invitation, token: str, run_id: int) -> HttpResponse:
    run = m.TrialRun.objects.filter(pk=run_id, attempt__invitation=invitation).first()
    if run is None:
        return JsonResponse({"error": "No such run."}, status=404)
    return JsonResponse(services.trial_run_view(run))


@with_invitation
def submit(request: HttpRequest, invitation: m.Invitation, token: str) -> HttpResponse:
    attempt = services.attempt_of(invitation)
    if attempt is None:
        return redirect("take-landing", token=token)
    if request.method == "POST":
        # A submission that arrives when the time is (nearly) up is the page's own countdown
        # handing in the answers: it counts as submitted at the time limit.
        auto = services.seconds_left(attempt) <= 2
        services.submit(attempt, auto=auto)
        return render(request, "assessments/take/done.html", {"auto": auto})
    items = progress.attempt_progress(attempt)
    seconds = services.seconds_left(attempt)
    return render(
        request,
        "assessments/take/submit.html",
        {
            "token": token,
            "items": items,
            "unanswered": [i.number for i in items if not i.answered],
            "seconds_left": seconds,
            "time_left": progress.describe_time_left(seconds),
        },
    )


def submitted(request: HttpRequest) -> HttpResponse:
    return render(request, "assessments/take/done.html", {"auto": request.GET.get("auto") == "1"})
