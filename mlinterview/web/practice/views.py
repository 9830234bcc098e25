"""Practice pages. Thin: each view validates the request, calls ``services`` and renders."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mlinterview.web.accounts.registration import signup_open
from mlinterview.web.accounts.signup import SignupForm
from mlinterview.web.assessments.exercises import exercise_filters
from mlinterview.web.practice import coding, services
from mlinterview.web.practice.models import PracticeCode, PracticeRun
from mlinterview.web.questions.models import Question, QuestionSet

MAX_ANSWER = 20_000  # characters


def signup(request: HttpRequest) -> HttpResponse:
    if not signup_open():
        # The administrator closed self-registration (MLINTERVIEW_SIGNUP=off).
        return render(request, "practice/signup_closed.html", status=404)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        # Several authentication backends are configured (the login throttle's first), so name
        # the one that holds passwords.
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("practice-home")
    return render(request, "practice/signup.html", {"form": form})


def _practice_filter(request: HttpRequest) -> dict[str, str]:
    """The set and level chosen on the home page, carried from a question to its feedback so that
    "Next question" stays within them."""
    return {key: request.GET[key] for key in ("set", "level") if request.GET.get(key)}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    chosen = _practice_filter(request)
    queue = services.queue(request.user, chosen.get("set", ""), chosen.get("level", ""))
    return render(
        request,
        "practice/home.html",
        {
            "due": queue.due,
            "fresh": queue.fresh,
            "upcoming": queue.upcoming,
            "now": queue.now,
            "started": queue.started,
            "sets": QuestionSet.objects.all(),
            "levels": Question.Level.choices,
            "selected": {"set": chosen.get("set", ""), "level": chosen.get("level", "")},
            "chosen": urlencode(chosen),
        },
    )


@login_required
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    question = services.offered_question(slug)
    if question is None:
        raise Http404("This question is not available for practice.")
    if request.method != "POST":
        return render(request, "practice/question.html", {"q": question, "max": MAX_ANSWER})
    text = request.POST.get("answer", "")
    if len(text) > MAX_ANSWER:
        return render(
            request,
            "practice/question.html",
            {
                "q": question,
                "max": MAX_ANSWER,
                "answer": text,
                "error": f"Your answer is {len(text):,} characters; the limit is {MAX_ANSWER:,}.",
            },
            status=413,
        )
    saved = services.answer(request.user, slug, question, text)
    # To the answer's own page, so that reloading it shows the feedback again instead of posting
    # the answer a second time.
    chosen = _practice_filter(request)
    target = reverse("practice-answer", args=[saved.pk])
    return redirect(f"{target}?{urlencode(chosen)}" if chosen else target)


@login_required
def feedback(request: HttpRequest, answer_id: int) -> HttpResponse:
    """One of the person's answers with its feedback, and what to practise next."""
    try:
        shown = services.feedback_on(request.user, answer_id)
    except services.AnswerNotFound:
        raise Http404("No such answer, or its question is not available for practice now.") from None
    chosen = _practice_filter(request)
    following = services.next_question(
        request.user, shown.question.slug, chosen.get("set", ""), chosen.get("level", "")
    )
    return render(
        request,
        "practice/feedback.html",
        {
            "q": shown.question,
            "r": shown.result,
            "value": shown.value,
            "answer": shown.answer.content,
            "answered_at": shown.answer.answered_at,
            "card": shown.card,
            "following": following,
            "chosen": urlencode(chosen),
        },
    )


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    shown = services.progress(request.user)
    return render(
        request,
        "practice/progress.html",
        {"mastery": shown.mastery, "chart": shown.chart, "answers": shown.answers},
    )


@login_required
def export_anki(request: HttpRequest) -> HttpResponse:
    """The questions this person has practised, as an Anki deck (.apkg)."""
    response = HttpResponse(services.anki_package(request.user), content_type="application/octet-stream")
    response["Content-Disposition"] = 'attachment; filename="mlinterview-practice.apkg"'
    return response


# --- coding practice ------------------------------------------------------------------------


@login_required
def coding_list(request: HttpRequest) -> HttpResponse:
    kind, skill = request.GET.get("kind", ""), request.GET.get("skill", "")
    return render(
        request,
        "practice/coding_list.html",
        {
            "exercises": coding.exercises_on_offer(kind, skill),
            "filters": exercise_filters(),
            "selected": {"kind": kind, "skill": skill},
        },
    )


def _offered(slug: str, *, shown: bool = True) -> dict[str, Any] | None:
    """The exercise as the page shows it (or, with ``shown=False``, only the check that it is
    offered); 404 when it is not offered."""
    try:
        return coding.exercise_for_practice(slug) if shown else coding.require_offered(slug)
    except coding.NotOffered:
        raise Http404("This exercise is not available for practice.") from None


@login_required
def coding_exercise(request: HttpRequest, slug: str) -> HttpResponse:
    shown = _offered(slug)
    assert shown is not None
    saved = coding.saved_code(request.user, slug)
    return render(
        request,
        "practice/coding_exercise.html",
        {
            "ex": shown,
            "code": shown["starter"] if saved is None else saved,
            "max_chars": PracticeCode.MAX_CHARS,
            "last": coding.last_submission(request.user, slug),
        },
    )


def _refused(exc: Exception, status: int) -> JsonResponse:
    retry_after = getattr(exc, "retry_after", None)
    response = JsonResponse({"error": str(exc), "retry_after": retry_after}, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


@require_POST
@login_required
def coding_save(request: HttpRequest, slug: str) -> HttpResponse:
    """Autosave (JSON from the page's script), or the form posted without JavaScript."""
    _offered(slug, shown=False)
    as_json = request.content_type == "application/json"
    try:
        content = str(json.loads(request.body or b"{}").get("content", "")) if as_json else None
    except (ValueError, AttributeError):
        return JsonResponse({"error": "Malformed save request."}, status=400)
    if content is None:
        content = request.POST.get("content", "")
    try:
        coding.save_code(request.user, slug, content)
    except coding.SaveThrottled as exc:
        return _refused(exc, 429)
    except coding.AssessmentError as exc:
        return _refused(exc, 413 if len(content) > PracticeCode.MAX_CHARS else 409)
    if as_json:
        return JsonResponse({"saved": True})
    return redirect("practice-code", slug=slug)


@require_POST
@login_required
def coding_run(request: HttpRequest, slug: str) -> HttpResponse:
    """Queue a run of the code: on the public examples, or (``kind: "submit"``) on every test."""
    _offered(slug, shown=False)
    try:
        payload = json.loads(request.body or b"{}")
        source, kind = str(payload.get("content", "")), str(payload.get("kind", "examples"))
    except (ValueError, AttributeError):
        return JsonResponse({"error": "Malformed run request."}, status=400)
    try:
        run = coding.request_run(request.user, slug, source, kind)
    except (coding.TrialRunRefused, coding.SaveThrottled) as exc:
        return _refused(exc, 429)
    except coding.AssessmentError as exc:
        return _refused(exc, 409)
    view = coding.run_view(run)
    view["poll"] = reverse("practice-code-run", args=[run.pk])
    return JsonResponse(view, status=202)


@login_required
def coding_run_status(request: HttpRequest, run_id: int) -> HttpResponse:
    run = PracticeRun.objects.filter(pk=run_id, user=request.user).first()
    if run is None:
        return JsonResponse({"error": "No such run."}, status=404)
    return JsonResponse(coding.run_view(run))
