from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.services import typed_seed
from mlinterview.web.interviews import models as m
from mlinterview.web.interviews import services
from mlinterview.web.interviews.access import interviews_for, may_run_interviews, panel_choices
from mlinterview.web.interviews.candidates import linkable_candidates, result_links
from mlinterview.web.questions.models import Question, QuestionSet


def interviewer(view: Any) -> Any:
    @wraps(view)
    def check(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_run_interviews(request.user):
            raise PermissionDenied("Interviews are where a panel rates a candidate's answers live.")
        return view(request, *args, **kwargs)

    return login_required(check)


@interviewer
def interview_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        panel = list(panel_choices(request.user).filter(pk__in=request.POST.getlist("panel")))
        record = request.POST.get("candidate_record", "")
        try:
            interview = services.create_interview(
                request.POST.get("candidate", ""),
                level=request.POST.get("level", "mid"),
                minutes=int(request.POST.get("minutes") or 45),
                seed=typed_seed(request.POST.get("seed", "")),
                candidate=get_object_or_404(linkable_candidates(request.user), pk=record) if record else None,
                panel=panel,
                user=request.user,
                include_sets=tuple(s for s in request.POST.getlist("include") if s),
            )
        except (services.InterviewError, AssessmentError, ValueError) as exc:
            messages.error(request, str(exc))
            return redirect("interview-list")
        return redirect("interview-detail", pk=interview.pk)
    mine = m.Interview.objects.filter(panel=request.user)
    return render(
        request,
        "interviews/list.html",
        {
            "interviews": mine,
            "users": panel_choices(request.user),
            "candidates": linkable_candidates(request.user),
            "levels": Question.Level.choices,
            "sets": QuestionSet.objects.all(),
            "may_calibrate": services.may_see_calibration(request.user),
        },
    )


def _interview_for(request: HttpRequest, pk: int) -> m.Interview:
    """The interview, if the user sits on its panel, leads its team or sees every team's."""
    return get_object_or_404(interviews_for(request.user), pk=pk)


def _typed_values(request: HttpRequest, card: m.Scorecard) -> dict[int, tuple[int | None, str]]:
    """The ratings and notes posted with the scorecard form, for the items the form sent."""
    values = {}
    for rating in card.ratings.all():
        rating_key, notes_key = f"rating-{rating.item_id}", f"notes-{rating.item_id}"
        if rating_key in request.POST or notes_key in request.POST:
            raw = request.POST.get(rating_key, "")
            values[rating.item_id] = (
                int(raw) if raw.isdigit() else None,
                request.POST.get(notes_key, rating.notes),
            )
    return values


def _scorecard_page(
    request: HttpRequest, interview: m.Interview, card: m.Scorecard, missing: list[str] | None = None
) -> HttpResponse:
    ratings = card.ratings.select_related("item__question_version").order_by("item__position")
    rows = [(r, services.advisory_scale(r.advisory)) for r in ratings]
    return render(
        request,
        "interviews/detail.html",
        {
            "interview": interview,
            "card": card,
            "rows": rows,
            "recommendations": m.Scorecard.Recommendation.choices,
            "others_visible": services.may_see_panel(interview, request.user),
            "results": result_links(interview.candidate, request.user),
            "bank_questions": Question.objects.filter(retired=False).order_by("title")
            if card.submitted_at is None
            else [],
            "missing": missing or [],
            "missing_items": {r.item_id for r in ratings if r.value is None} if missing else set(),
        },
        status=400 if missing else 200,
    )


@interviewer
def interview_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview_for(request, pk)
    try:
        card = services.scorecard_for(interview, request.user)
    except services.InterviewError:
        return redirect("interview-debrief", pk=pk)
    if request.method == "POST":
        recommendation = request.POST.get("recommendation", "")
        reason = request.POST.get("reason", "")
        try:
            services.save_draft(card, _typed_values(request, card), recommendation, reason)
            if request.POST.get("action") == "submit":
                services.submit_scorecard(card, recommendation, reason)
                messages.success(request, "Scorecard submitted. You can now see the panel's debrief.")
                return redirect("interview-debrief", pk=pk)
            messages.success(request, "Draft saved: every rating, note, the recommendation and the reason.")
        except services.IncompleteScorecard as exc:
            messages.error(request, f"{exc} Everything you typed is kept as your draft.")
            return _scorecard_page(request, interview, card, missing=exc.missing)
        except services.InterviewError as exc:
            messages.error(request, str(exc))
        return redirect("interview-detail", pk=pk)
    return _scorecard_page(request, interview, card)


@require_POST
@interviewer
def add_question(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a bank question to the kit by hand; one the candidate already met needs confirming."""
    interview = _interview_for(request, pk)
    if not interview.panel.filter(pk=request.user.pk).exists():
        raise PermissionDenied("Only the interview's panel changes its kit.")
    try:
        item = services.add_question(
            interview,
            request.POST.get("slug", ""),
            request.user,
            even_if_met=request.POST.get("even_if_met") == "1",
        )
        messages.success(request, f"Added “{item.question_version.data['title']}” to the kit.")
    except services.AlreadyMet as exc:
        messages.warning(request, f"{exc} Tick “Add it even so” and add it again if you mean to.")
    except services.InterviewError as exc:
        messages.error(request, str(exc))
    return redirect(reverse("interview-detail", args=[pk]) + "#add-question")


@require_POST
@interviewer
def advisory(request: HttpRequest, pk: int, rating_id: int) -> HttpResponse:
    """The advisory score of a pasted answer. The scorecard form posts here with every field, so
    the draft is saved first and nothing typed is lost; the page's script asks for just the
    advice (``X-Requested-With: fetch``) and shows it without reloading."""
    interview = _interview_for(request, pk)
    rating = get_object_or_404(
        m.Rating, pk=rating_id, scorecard__interviewer=request.user, scorecard__interview=interview
    )
    card = rating.scorecard
    fragment = request.headers.get("X-Requested-With") == "fetch"
    answer = request.POST.get(f"answer-{rating.pk}", request.POST.get("answer", ""))
    try:
        if card.submitted_at is None and "reason" in request.POST:
            services.save_draft(
                card,
                _typed_values(request, card),
                request.POST.get("recommendation", ""),
                request.POST.get("reason", ""),
            )
        elif card.submitted_at is None:
            services.save_ratings(card, _typed_values(request, card))
        services.advisory_score(rating, answer)
    except services.InterviewError as exc:
        if fragment:
            return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
        messages.error(request, str(exc))
    if fragment:
        rating.refresh_from_db()
        return render(
            request,
            "interviews/_advisory.html",
            {"r": rating, "scale": services.advisory_scale(rating.advisory)},
        )
    return redirect(f"/interviews/{pk}/#q-{rating.item_id}")


@interviewer
def debrief(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview_for(request, pk)
    if not services.may_see_panel(interview, request.user):
        return render(request, "interviews/wait.html", {"interview": interview}, status=403)
    cards = interview.scorecards.filter(submitted_at__isnull=False).select_related("interviewer")
    return render(
        request,
        "interviews/debrief.html",
        {
            "interview": interview,
            "rows": services.debrief(interview),
            "cards": cards,
            "pending": interview.panel.exclude(pk__in=[c.interviewer_id for c in cards]),
        },
    )


@login_required
def calibration(request: HttpRequest) -> HttpResponse:
    if not services.may_see_calibration(request.user):
        raise PermissionDenied("Panel calibration is for those who manage assessments.")
    figures = services.calibration(interviews_for(request.user))
    return render(request, "interviews/calibration.html", {"c": figures})
