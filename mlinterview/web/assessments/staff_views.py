"""Recruiter and reviewer pages. Thin: every change goes through ``services``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mlinterview.web import csvsafe
from mlinterview.web.accounts.roles import MANAGE, REVIEW
from mlinterview.web.accounts.teams import sees_all_teams
from mlinterview.web.assessments import access, results, services
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.bank_picker import bank_page, exercise_page, item_list
from mlinterview.web.assessments.services import activity, exposure
from mlinterview.web.questions.models import Question, QuestionSet, RoleProfile

# The builder's GET parameters: the bank's words, set, level and page, the exercises' kind and page
# (xpage), and the skill (of both questions and exercises).
BUILDER_FILTERS = ("q", "set", "level", "skill", "page", "kind", "xpage")


def manager(view: Any) -> Any:
    return login_required(permission_required(MANAGE, raise_exception=True)(view))


def reviewer(view: Any) -> Any:
    return login_required(permission_required(REVIEW, raise_exception=True)(view))


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def reader(view: Any) -> Any:
    """Builders of assessments and the teams' hiring managers (who read, never change)."""

    def check(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.may_read_assessments(request.user):
            raise PermissionDenied("Assessments are for those who build them and hiring managers.")
        return view(request, *args, **kwargs)

    return login_required(check)


@reader
def assessment_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if not request.user.has_perm(MANAGE):
            raise PermissionDenied("Only those who build assessments may create one.")
        try:
            assessment = services.create_assessment(
                request.POST.get("title", ""), request.user, _int(request.POST.get("minutes"), 45)
            )
        except services.AssessmentError as exc:
            messages.error(request, str(exc))
            return redirect("assessment-list")
        return redirect("assessment-detail", pk=assessment.pk)
    assessments = access.assessments_for(request.user).prefetch_related("versions")
    return render(
        request,
        "assessments/staff/list.html",
        {"assessments": assessments, "can_create": request.user.has_perm(MANAGE)},
    )


@reader
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(access.assessments_for(request.user), pk=pk)
    can_manage = access.managed_assessments(request.user).filter(pk=pk).exists()
    version = assessment.latest
    assert version is not None
    published = assessment.published
    filters = {k: request.GET.get(k, "") for k in BUILDER_FILTERS}
    bank = bank_page(
        q=filters["q"],
        set_slug=filters["set"],
        level=filters["level"],
        skill=filters["skill"],
        page=filters["page"],
    )
    from mlinterview.web.assessments.exercises import exercise_filters

    items = list(version.items.select_related("question_version__question"))
    exercises = exercise_page(kind=filters["kind"], skill=filters["skill"], page=filters["xpage"])
    invitations = (
        m.Invitation.objects.filter(version__assessment=assessment)
        .select_related("candidate", "version")
        .order_by("-created_at")
    )
    return render(
        request,
        "assessments/staff/detail.html",
        {
            "assessment": assessment,
            "can_manage": can_manage,
            "version": version,
            "published": published,
            "items": item_list(items, version.time_limit_minutes),
            # Issue 16, point 3: how often each row was served (numbers across the organisation).
            "exposure": exposure.builder_exposure(bank.rows, exercises.rows, items),
            "may_retire": exposure.may_retire(request.user),
            "bank": bank,
            "sets": QuestionSet.objects.all(),
            "levels": Question.Level.choices,
            "skills": _skills(),
            "filters": filters,
            "exercises": exercises,
            "exercise_filters": exercise_filters(),
            "settings_typed": request.session.pop("settings_typed", None),
            "invitations": invitations,
            "new_links": request.session.pop("new_links", []),
            "name_conflict": request.session.pop("name_conflict", None),
        },
    )


def _draft_action(request: HttpRequest, pk: int, action: Any, anchor: str = "items") -> HttpResponse:
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=pk)
    version = services.editable_version(assessment, request.user)
    try:
        action(version)
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    return redirect(reverse("assessment-detail", args=[pk]) + f"{_kept_filters(request)}#{anchor}")


def _kept_filters(request: HttpRequest) -> str:
    """The builder's filters from the address the form was posted to, to go back to the same list
    (nothing else of the query is carried over)."""
    kept = [(k, v) for k, v in request.GET.items() if k in BUILDER_FILTERS and v]
    return f"?{urlencode(kept)}" if kept else ""


@require_POST
@manager
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    spec = services.ItemSpec(kind=request.POST.get("kind", ""), slug=request.POST.get("slug", ""))
    anchor = "exercises" if spec.kind == m.AssessmentItem.Kind.EXERCISE else "bank"
    return _draft_action(request, pk, lambda v: services.add_item(v, spec, request.user), anchor)


@require_POST
@manager
def item_remove(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    return _draft_action(request, pk, lambda v: services.remove_item(v, position, request.user))


@require_POST
@manager
def item_move(request: HttpRequest, pk: int, position: int, offset: int) -> HttpResponse:
    step = -1 if offset == 0 else 1  # URL: 0 = up, 1 = down
    return _draft_action(request, pk, lambda v: services.move_item(v, position, step, request.user))


@require_POST
@manager
def generate(request: HttpRequest, pk: int) -> HttpResponse:
    """Draw a balanced set: with the seed typed in, or a fresh one when the field is empty."""

    def draw(version: m.AssessmentVersion) -> None:
        generated = services.generate_items(
            version,
            request.user,
            level=request.POST.get("level", "mid"),
            minutes=_int(request.POST.get("minutes"), 45),
            seed=services.typed_seed(request.POST.get("seed", "")),
            include_exercises=_int(request.POST.get("exercises"), 0),
        )
        messages.success(request, generated.note)

    return _draft_action(request, pk, draw)


@require_POST
@manager
def update_settings(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=pk)
    version = services.editable_version(assessment, request.user)
    typed = {"minutes": request.POST.get("minutes", ""), "instructions": request.POST.get("instructions", "")}
    try:
        services.update_settings(
            version,
            request.user,
            time_limit_minutes=_int(typed["minutes"], 0),
            instructions=typed["instructions"],
        )
        messages.success(request, "Settings saved.")
    except services.AssessmentError as exc:
        messages.error(request, str(exc))  # the form below still holds what was typed
        request.session["settings_typed"] = typed
    return redirect(reverse("assessment-detail", args=[pk]) + f"{_kept_filters(request)}#settings-h")


@require_POST
@manager
def add_question_from_bank(request: HttpRequest) -> HttpResponse:
    """The question page's "Add to assessment": into a draft the user may manage."""
    slug = request.POST.get("slug", "")
    question = get_object_or_404(Question.objects.filter(retired=False), slug=slug)
    assessment = get_object_or_404(
        access.draft_assessments(request.user), pk=_int(request.POST.get("assessment"))
    )
    version = services.editable_version(assessment, request.user)
    try:
        services.add_item(version, services.ItemSpec(kind="question", slug=question.slug), request.user)
        messages.success(request, f"{question.title} was added to {assessment.title}.")
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    return redirect("question-detail", slug=question.slug)


@reader
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The latest version as a candidate sees it: no rubric, reference answer or hidden test."""
    from mlinterview.web.assessments.candidate_items import candidate_view_of

    assessment = get_object_or_404(access.assessments_for(request.user), pk=pk)
    version = assessment.latest
    assert version is not None
    shown = [candidate_view_of(item) for item in version.items.select_related("question_version")]
    return render(
        request,
        "assessments/staff/preview.html",
        {"assessment": assessment, "version": version, "shown": shown},
    )


def _skills() -> list[tuple[str, str]]:
    profile = RoleProfile.current()
    return [(s.slug, s.name) for s in profile.content.core_skills] if profile is not None else []


@require_POST
@manager
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=pk)
    version = assessment.latest
    assert version is not None
    try:
        services.publish(version, request.user)
        messages.success(request, f"Version {version.number} is published. You can now invite candidates.")
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    return redirect("assessment-detail", pk=pk)


@reviewer
def shortlist(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(access.assessments_for(request.user), pk=pk)
    if request.GET.get("format") == "csv":
        if not request.user.has_perm(access.EXPORT_RESULTS, assessment):
            raise PermissionDenied("You may not export this assessment's results.")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="shortlist-{assessment.pk}.csv"'
        csvsafe.writer(response).writerows(results.shortlist_table(assessment, request.user))
        services.audit(request.user, "shortlist.export", assessment)
        return response
    rows = services.assessment_shortlist(assessment)
    reveal = {r.attempt.pk: services.may_see_identity(r.attempt, request.user) for r in rows}
    titles = results.group_titles({g for r in rows for g in r.by_set})
    groups = sorted(titles, key=lambda g: titles[g].casefold())
    return render(
        request,
        "assessments/staff/shortlist.html",
        {
            "assessment": assessment,
            "rows": rows,
            "groups": [(g, titles[g]) for g in groups],
            "reveal": reveal,
            "max_compared": results.MAX_COMPARED,
        },
    )


@reviewer
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """Two or three candidates of one assessment side by side (ticked on the shortlist)."""
    assessment = get_object_or_404(access.assessments_for(request.user), pk=pk)
    wanted = list(dict.fromkeys(_int(v, -1) for v in request.GET.getlist("attempt")))
    found = {
        a.pk: a
        for a in access.attempts_for(request.user)
        .filter(invitation__version__assessment=assessment, pk__in=wanted)
        .select_related("invitation__candidate", "invitation__version__assessment")
    }
    if len(found) != len(wanted):
        raise Http404("No such attempt of this assessment.")
    try:
        comparison = results.compare([found[i] for i in wanted], request.user)
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
        return redirect("shortlist", pk=pk)
    return render(
        request,
        "assessments/staff/compare.html",
        {"assessment": assessment, "comparison": comparison},
    )


@reviewer
def attempt_review(request: HttpRequest, pk: int, attempt_id: int) -> HttpResponse:
    attempt = get_object_or_404(
        access.attempts_for(request.user).select_related(
            "invitation__candidate", "invitation__version__assessment"
        ),
        pk=attempt_id,
        invitation__version__assessment_id=pk,
    )
    answers = attempt.answers.select_related("item__question_version", "activity").prefetch_related(
        "scores__overrides__reviewer"
    )
    from mlinterview.web.assessments.exercises import public_exercise

    rows = []
    for answer in answers:
        score = answer.score
        rubric = answer.item.question_version.data if answer.item.question_version else None
        exercise = public_exercise(answer.item.exercise_slug) if answer.item.exercise_slug else None
        rows.append(
            {
                "answer": answer,
                "score": score,
                "second_opinions": answer.second_opinions,
                "disagreements": services.disagreements(score, answer.second_opinions),
                "rubric": rubric,
                "exercise": exercise,
                "context": activity.answer_context(getattr(answer, "activity", None), len(answer.content)),
            }
        )
    return render(
        request,
        "assessments/staff/attempt.html",
        {
            "assessment": attempt.invitation.version.assessment,
            "attempt": attempt,
            "candidate": attempt.invitation.candidate,
            "rows": rows,
            "revealed": services.may_see_identity(attempt, request.user),
            "attempt_context": activity.attempt_context(
                m.AttemptActivity.objects.filter(attempt=attempt).first()
            ),
            "audit": m.AuditEvent.objects.filter(
                target__in=[f"score:{s.pk}" for r in rows for s in r["answer"].scores.all()]
            ),
        },
    )


@require_POST
@reviewer
def override(request: HttpRequest, pk: int, attempt_id: int, score_id: int) -> HttpResponse:
    score = get_object_or_404(
        access.scores_for(request.user),
        pk=score_id,
        answer__attempt_id=attempt_id,
        answer__attempt__invitation__version__assessment_id=pk,
    )
    if not request.user.has_perm(access.OVERRIDE_SCORE, score):
        raise PermissionDenied("Changing a score needs its own permission.")
    try:
        value = float(request.POST.get("value", "")) / 100.0
    except ValueError:
        return HttpResponseBadRequest("The score must be a number from 0 to 100.")
    try:
        services.override_score(score, request.user, value, request.POST.get("reason", ""))
        messages.success(request, "Score changed; the reason is in the audit trail.")
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    return redirect(reverse("attempt-review", args=[pk, attempt_id]) + f"#answer-{score.answer_id}")


@require_POST
@reviewer
def retry(request: HttpRequest, pk: int, attempt_id: int, score_id: int) -> HttpResponse:
    score = get_object_or_404(
        access.scores_for(request.user),
        pk=score_id,
        answer__attempt_id=attempt_id,
        answer__attempt__invitation__version__assessment_id=pk,
    )
    try:
        services.retry_score(score, request.user)
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    return redirect("attempt-review", pk=pk, attempt_id=attempt_id)


@reviewer
def jobs(request: HttpRequest) -> HttpResponse:
    """Background scoring and judging: the queue by status and the failed jobs (dead letters)."""
    if request.method == "POST":
        if request.POST.get("score") == "all":
            count = services.retry_all_failed(request.user, access.scores_for(request.user))
            messages.success(request, f"{count} failed job(s) put back in the queue.")
        else:
            score = get_object_or_404(access.scores_for(request.user), pk=_int(request.POST.get("score")))
            try:
                services.retry_score(score, request.user)
                messages.success(request, "The job is back in the queue.")
            except services.AssessmentError as exc:
                messages.error(request, str(exc))
        return redirect("jobs")
    health = services.job_health()
    visible = set(
        access.scores_for(request.user)
        .filter(pk__in=[s.pk for s in health.failed])
        .values_list("pk", flat=True)
    )
    health.failed = [s for s in health.failed if s.pk in visible]  # other teams' are not listed
    return render(request, "assessments/staff/jobs.html", {"health": health})


@require_POST
@reviewer
def commit(request: HttpRequest, pk: int, attempt_id: int) -> HttpResponse:
    attempt = get_object_or_404(
        access.attempts_for(request.user), pk=attempt_id, invitation__version__assessment_id=pk
    )
    services.commit_review(attempt, request.user)
    return redirect("attempt-review", pk=pk, attempt_id=attempt_id)


@manager
def delete_candidate(request: HttpRequest, pk: int, attempt_id: int) -> HttpResponse:
    """GET: what will be deleted, and a form to confirm. POST with ``confirm=delete``: delete. A POST
    without it deletes nothing and leads back to the confirmation page."""
    mine = access.invitations_managed_by(request.user)
    attempt = get_object_or_404(
        m.Attempt.objects.filter(invitation__in=mine).select_related("invitation__candidate"),
        pk=attempt_id,
        invitation__version__assessment_id=pk,
    )
    candidate = attempt.invitation.candidate
    within = None if sees_all_teams(request.user) else mine
    if request.method == "POST" and request.POST.get("confirm") == "delete":
        services.delete_candidate(candidate, request.user, within=within)
        messages.success(
            request, "The candidate's personal data was deleted; their answers stay, anonymised."
        )
        return redirect("shortlist", pk=pk)
    if request.method == "POST":
        messages.error(request, "Nothing was deleted: confirm below to delete the candidate's personal data.")
        return redirect("candidate-delete", pk=pk, attempt_id=attempt_id)
    return render(
        request,
        "assessments/staff/delete_candidate.html",
        {
            "assessment": attempt.invitation.version.assessment,
            "attempt": attempt,
            "plan": services.deletion_plan(candidate, within),
            "revealed": results.shows_name(attempt, request.user),
        },
    )


@reviewer
def report_pdf(request: HttpRequest, pk: int, attempt_id: int) -> HttpResponse:
    from mlinterview.web.assessments.reports import candidate_report_pdf

    attempt = get_object_or_404(
        access.attempts_for(request.user).select_related(
            "invitation__candidate", "invitation__version__assessment"
        ),
        pk=attempt_id,
        invitation__version__assessment_id=pk,
    )
    if not request.user.has_perm(access.EXPORT_RESULTS, attempt):
        raise PermissionDenied("You may not export this attempt's report.")
    reveal = services.may_see_identity(attempt, request.user)
    pdf = candidate_report_pdf(attempt, reveal_identity=reveal, base_url=request.build_absolute_uri("/"))
    services.audit(request.user, "report.pdf", attempt)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="report-{attempt.pk}.pdf"'
    return response
