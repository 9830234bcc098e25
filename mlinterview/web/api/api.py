"""REST API for staff, with OpenAPI docs at /api/docs. Authentication: ``Authorization: Bearer <key>``.

Every endpoint calls ``mlinterview.web.assessments.services``, so the API and the pages share one set
of rules. Candidate identities stay hidden until the caller has committed their review, exactly
as on the pages.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import HttpBearer

from mlinterview.web.accounts.roles import MANAGE, REVIEW
from mlinterview.web.accounts.staff import is_staff_member
from mlinterview.web.accounts.teams import sees_all_teams
from mlinterview.web.api.docs_access import docs_access
from mlinterview.web.api.models import ApiToken
from mlinterview.web.api.scopes import SCOPES
from mlinterview.web.assessments import access, services
from mlinterview.web.assessments import models as m


class ScopedKey(HttpBearer):
    """A live API key of an active staff account that carries ``scope``. A key without that scope
    is refused (403) before the operation reads or changes anything; the operation then still
    checks its owner's permissions. ``None``, the API's default, refuses every key, so an operation
    that forgets to name its scope cannot be called at all."""

    def __init__(self, scope: str | None) -> None:
        super().__init__()
        if scope is not None and scope not in SCOPES:
            raise ValueError(f"unknown API scope {scope!r}")
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.lookup(token)
        if found is None or not is_staff_member(found.user):
            return None
        if self.scope is None:
            raise HttpError(403, "This operation names no API key scope, so no key may call it.")
        if not found.allows(self.scope):
            raise HttpError(403, f"This API key lacks the scope {self.scope}.")
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


api = NinjaAPI(
    title="mlinterview API",
    version="1",
    description="Assessments, invitations, attempts, results and overrides. Scores are advisory.",
    auth=ScopedKey(None),
    urls_namespace="api",
    docs_decorator=docs_access,
)


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise HttpError(403, f"Your account lacks the permission {permission}.")


def _require_reader(request: HttpRequest) -> None:
    """Reading assessments: their builders and the teams' hiring managers."""
    if not access.may_read_assessments(request.user):
        raise HttpError(403, f"Your account lacks the permission {MANAGE} and leads no team.")


@api.exception_handler(services.AssessmentError)
def _rule_broken(request: HttpRequest, exc: services.AssessmentError) -> Any:
    return api.create_response(request, {"detail": str(exc)}, status=400)


# --- schemas ------------------------------------------------------------------------------


class AssessmentIn(Schema):
    title: str
    time_limit_minutes: int = 45


class ItemIn(Schema):
    kind: str
    slug: str
    weight: float = 1.0


class ItemOut(Schema):
    position: int
    kind: str
    slug: str
    weight: float


class VersionOut(Schema):
    number: int
    published: bool
    time_limit_minutes: int
    items: list[ItemOut]


class AssessmentOut(Schema):
    id: int
    title: str
    latest: VersionOut
    published_version: int | None


class GenerateIn(Schema):
    level: str = "mid"
    minutes: int = 45
    # Unset: a fresh random seed; the one used comes back as ``seed`` to draw the same set again.
    seed: int | None = None
    exercises: int = 0


class GeneratedOut(AssessmentOut):
    seed: int


class InviteIn(Schema):
    name: str
    email: str
    extra_time_minutes: int = 0
    # Unset: the assessment's own link_valid_days.
    expires_in_days: int | None = None
    # When the e-mail belongs to a candidate under another name: "keep" the name on file or use the
    # "typed" one; unset, such a request is refused (400) and nothing changes.
    name_choice: Literal["keep", "typed"] | None = None


class InvitationOut(Schema):
    id: int
    candidate_id: int
    name: str
    email: str
    version: int
    status: str
    extra_time_minutes: int
    expires_at: Any
    link: str | None = None


class ShortlistRowOut(Schema):
    rank: int
    attempt_id: int
    candidate: str
    total: float | None
    by_topic: dict[str, float]
    pending: int
    failed: int
    overridden: int
    auto_submitted: bool


class ScoreOut(Schema):
    id: int
    status: str
    value: float | None
    automatic_value: float | None
    overridden: bool
    evidence: dict[str, Any]
    error: str
    grader: str  # the grader that produced the automatic value (or is asked to, while pending)
    grader_version: str  # its version, once it has graded
    primary: bool  # the primary score ranks; any other is a second opinion


class AnswerOut(Schema):
    position: int
    kind: str
    slug: str
    content: str
    score: ScoreOut | None  # the primary score
    second_opinions: list[ScoreOut]  # other graders' scores: shown, never ranked


class AttemptOut(Schema):
    id: int
    candidate: str
    identity_revealed: bool
    started_at: Any
    submitted_at: Any
    auto_submitted: bool
    answers: list[AnswerOut]


class OverrideIn(Schema):
    value: float
    reason: str


class OverrideOut(Schema):
    id: int
    score_id: int
    value: float
    reason: str
    reviewer: str
    created_at: Any


# --- helpers ------------------------------------------------------------------------------


def _version_out(version: m.AssessmentVersion) -> VersionOut:
    return VersionOut(
        number=version.number,
        published=version.is_published,
        time_limit_minutes=version.time_limit_minutes,
        items=[
            ItemOut(position=i.position, kind=i.kind, slug=i.slug, weight=i.weight)
            for i in version.items.select_related("question_version__question")
        ],
    )


def _assessment_out(assessment: m.Assessment) -> AssessmentOut:
    latest = assessment.latest
    assert latest is not None
    published = assessment.published
    return AssessmentOut(
        id=assessment.pk,
        title=assessment.title,
        latest=_version_out(latest),
        published_version=published.number if published else None,
    )


def _invitation_out(invitation: m.Invitation, link: str | None = None) -> InvitationOut:
    return InvitationOut(
        id=invitation.pk,
        candidate_id=invitation.candidate_id,
        name=invitation.candidate.name,
        email=invitation.candidate.email,
        version=invitation.version.number,
        status=invitation.status,
        extra_time_minutes=invitation.extra_time_minutes,
        expires_at=invitation.expires_at,
        link=link,
    )


def _score_out(score: m.Score) -> ScoreOut:
    return ScoreOut(
        id=score.pk,
        status=score.status,
        value=score.value,
        automatic_value=score.auto_value,
        overridden=score.latest_override is not None,
        evidence=score.evidence,
        error=score.error,
        grader=score.grader,
        grader_version=score.grader_version,
        primary=score.primary,
    )


# --- assessments --------------------------------------------------------------------------


@api.get(
    "/assessments", response=list[AssessmentOut], tags=["assessments"], auth=ScopedKey("assessments:read")
)
def list_assessments(request: HttpRequest) -> list[AssessmentOut]:
    _require_reader(request)
    return [_assessment_out(a) for a in access.assessments_for(request.user)]


@api.post(
    "/assessments", response={201: AssessmentOut}, tags=["assessments"], auth=ScopedKey("assessments:write")
)
def create_assessment(request: HttpRequest, body: AssessmentIn) -> Status[AssessmentOut]:
    _require(request, MANAGE)
    assessment = services.create_assessment(body.title, request.user, body.time_limit_minutes)
    return Status(201, _assessment_out(assessment))


@api.get(
    "/assessments/{assessment_id}",
    response=AssessmentOut,
    tags=["assessments"],
    auth=ScopedKey("assessments:read"),
)
def get_assessment(request: HttpRequest, assessment_id: int) -> AssessmentOut:
    _require_reader(request)
    return _assessment_out(get_object_or_404(access.assessments_for(request.user), pk=assessment_id))


@api.put(
    "/assessments/{assessment_id}/items",
    response=AssessmentOut,
    tags=["assessments"],
    auth=ScopedKey("assessments:write"),
)
def set_items(request: HttpRequest, assessment_id: int, items: list[ItemIn]) -> AssessmentOut:
    """Replace the items of the draft (a published assessment gets a new draft version)."""
    _require(request, MANAGE)
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=assessment_id)
    version = services.editable_version(assessment, request.user)
    services.set_items(version, [services.ItemSpec(i.kind, i.slug, i.weight) for i in items], request.user)
    return _assessment_out(assessment)


@api.post(
    "/assessments/{assessment_id}/generate",
    response=GeneratedOut,
    tags=["assessments"],
    auth=ScopedKey("assessments:write"),
)
def generate(request: HttpRequest, assessment_id: int, body: GenerateIn) -> GeneratedOut:
    _require(request, MANAGE)
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=assessment_id)
    version = services.editable_version(assessment, request.user)
    generated = services.generate_items(
        version,
        request.user,
        level=body.level,
        minutes=body.minutes,
        seed=body.seed,
        include_exercises=body.exercises,
    )
    return GeneratedOut(**_assessment_out(assessment).model_dump(), seed=generated.seed)


@api.post(
    "/assessments/{assessment_id}/publish",
    response=AssessmentOut,
    tags=["assessments"],
    auth=ScopedKey("assessments:write"),
)
def publish(request: HttpRequest, assessment_id: int) -> AssessmentOut:
    _require(request, MANAGE)
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=assessment_id)
    latest = assessment.latest
    assert latest is not None
    services.publish(latest, request.user)
    return _assessment_out(assessment)


# --- invitations --------------------------------------------------------------------------


@api.get(
    "/assessments/{assessment_id}/invitations",
    response=list[InvitationOut],
    tags=["invitations"],
    auth=ScopedKey("invitations:read"),
)
def list_invitations(request: HttpRequest, assessment_id: int) -> list[InvitationOut]:
    _require(request, MANAGE)
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=assessment_id)
    rows = m.Invitation.objects.filter(version__assessment=assessment).select_related("candidate", "version")
    return [_invitation_out(i) for i in rows]


@api.post(
    "/assessments/{assessment_id}/invitations",
    response={201: InvitationOut},
    tags=["invitations"],
    auth=ScopedKey("invitations:write"),
)
def create_invitation(request: HttpRequest, assessment_id: int, body: InviteIn) -> Status[InvitationOut]:
    """Invite a candidate to the published version and queue their invitation mail (its delivery
    shows on the assessment's page); the response carries the link, once."""
    from django.urls import reverse

    _require(request, MANAGE)
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=assessment_id)
    version = assessment.published
    if version is None:
        raise HttpError(400, "Publish the assessment before inviting candidates.")
    invitation, token = services.invite(
        version,
        body.name,
        body.email,
        request.user,
        extra_time_minutes=body.extra_time_minutes,
        expires_in=None
        if body.expires_in_days is None
        else timedelta(days=max(1, min(body.expires_in_days, 90))),
        name_choice=body.name_choice,
        within=access.invitations_managed_by(request.user),
    )
    link = request.build_absolute_uri(reverse("take-landing", args=[token]))
    services.queue_mail(invitation, request.build_absolute_uri("/"))
    return Status(201, _invitation_out(invitation, link))


# --- results ------------------------------------------------------------------------------


@api.get(
    "/assessments/{assessment_id}/shortlist",
    response=list[ShortlistRowOut],
    tags=["results"],
    auth=ScopedKey("results:read"),
)
def shortlist(request: HttpRequest, assessment_id: int) -> list[ShortlistRowOut]:
    """Candidates ranked by total (advisory), anonymised unless you have committed your review."""
    _require(request, REVIEW)
    assessment = get_object_or_404(access.assessments_for(request.user), pk=assessment_id)
    out = []
    for rank, row in enumerate(services.assessment_shortlist(assessment), 1):
        revealed = services.may_see_identity(row.attempt, request.user)
        out.append(
            ShortlistRowOut(
                rank=rank,
                attempt_id=row.attempt.pk,
                candidate=str(row.candidate) if revealed else row.candidate.alias,
                total=row.total,
                by_topic=row.by_set,
                pending=row.pending,
                failed=row.failed,
                overridden=row.overridden,
                auto_submitted=row.attempt.auto_submitted,
            )
        )
    return out


def _attempt(request: HttpRequest, attempt_id: int) -> m.Attempt:
    return get_object_or_404(
        access.attempts_for(request.user).select_related("invitation__candidate"), pk=attempt_id
    )


@api.get("/attempts/{attempt_id}", response=AttemptOut, tags=["results"], auth=ScopedKey("results:read"))
def get_attempt(request: HttpRequest, attempt_id: int) -> AttemptOut:
    _require(request, REVIEW)
    attempt = _attempt(request, attempt_id)
    revealed = services.may_see_identity(attempt, request.user)
    answers = attempt.answers.select_related("item__question_version__question").prefetch_related(
        "scores__overrides"
    )
    return AttemptOut(
        id=attempt.pk,
        candidate=str(attempt.invitation.candidate) if revealed else attempt.invitation.candidate.alias,
        identity_revealed=revealed,
        started_at=attempt.started_at,
        submitted_at=attempt.submitted_at,
        auto_submitted=attempt.auto_submitted,
        answers=[
            AnswerOut(
                position=a.item.position,
                kind=a.item.kind,
                slug=a.item.slug,
                content=a.content,
                score=_score_out(a.score) if a.score is not None else None,
                second_opinions=[_score_out(o) for o in a.second_opinions],
            )
            for a in answers
        ],
    )


@api.post(
    "/attempts/{attempt_id}/commit", response=AttemptOut, tags=["results"], auth=ScopedKey("results:review")
)
def commit_review(request: HttpRequest, attempt_id: int) -> AttemptOut:
    """Record that you have finished scoring this attempt; the candidate's name is then shown."""
    _require(request, REVIEW)
    services.commit_review(_attempt(request, attempt_id), request.user)
    return get_attempt(request, attempt_id)


@api.post(
    "/scores/{score_id}/override",
    response={201: OverrideOut},
    tags=["overrides"],
    auth=ScopedKey("scores:override"),
)
def override(request: HttpRequest, score_id: int, body: OverrideIn) -> Status[OverrideOut]:
    """Set a score (0 to 1) with a reason; kept in the audit trail."""
    _require(request, REVIEW)
    score = get_object_or_404(access.scores_for(request.user), pk=score_id)
    if not request.user.has_perm(access.OVERRIDE_SCORE, score):
        raise HttpError(403, "Changing a score needs its own permission.")
    row = services.override_score(score, request.user, body.value, body.reason)
    return Status(
        201,
        OverrideOut(
            id=row.pk,
            score_id=score.pk,
            value=row.value,
            reason=row.reason,
            reviewer=str(request.user),
            created_at=row.created_at,
        ),
    )


@api.post(
    "/scores/{score_id}/retry", response=ScoreOut, tags=["overrides"], auth=ScopedKey("scores:override")
)
def retry(request: HttpRequest, score_id: int) -> ScoreOut | None:
    _require(request, REVIEW)
    score = get_object_or_404(access.scores_for(request.user), pk=score_id)
    services.retry_score(score, request.user)
    score.refresh_from_db()
    return _score_out(score)


@api.delete(
    "/candidates/{candidate_id}",
    response={204: None},
    tags=["candidates"],
    auth=ScopedKey("candidates:delete"),
)
def delete_candidate(request: HttpRequest, candidate_id: int) -> Status[None]:
    """Remove the candidate's personal data from your team's invitations (everywhere, for an
    administrator); answers stay, anonymised. Another team that invited the same person keeps them."""
    _require(request, MANAGE)
    mine = access.invitations_managed_by(request.user)
    candidate = get_object_or_404(
        m.Candidate.objects.filter(invitations__in=mine).distinct(), pk=candidate_id
    )
    services.delete_candidate(candidate, request.user, within=None if sees_all_teams(request.user) else mine)
    return Status(204, None)


# The talent pool's operations (issue 17) live in their own module.
from mlinterview.web.api import pool_api  # noqa: E402

pool_api.register(api, ScopedKey)


def _document_scopes() -> None:
    """Name each operation's scope in the schema (``x-scope``) and in its description."""
    for view in api.default_router.path_operations.values():
        for operation in view.operations:
            scope = next(a.scope for a in operation.auth_callbacks if isinstance(a, ScopedKey))
            operation.openapi_extra = {**(operation.openapi_extra or {}), "x-scope": scope}
            note = f"API key scope: `{scope}`."
            operation.description = f"{operation.description}\n\n{note}" if operation.description else note


_document_scopes()
