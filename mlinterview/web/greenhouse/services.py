"""The Assessment Partner protocol's rules: what each endpoint answers for a team's key.

- list_tests: the team's assessments that have a published version (``partner_test_id`` is the
  assessment's id, so a newer published version is what a new candidate gets).
- send_test: invites the candidate to that assessment (the invitation mail goes as for any
  invitation) and answers a ``partner_interview_id`` of our own making.
- test_status: ``partner_status`` is the invitation's state (created, sent, opened, started,
  revoked, submitted) until a reviewer has committed a review, then ``complete``, with the
  reviewed total as ``partner_score`` (0-100) and the staff page of the attempt as
  ``partner_profile_url``. An unreviewed automatic score is never reported as complete: Greenhouse
  users may reject in bulk by score, and automatic findings here are advisory only.
- response_error: Greenhouse's report of a reply it could not read goes to the audit trail.
Errors raise ``ProtocolError`` with the HTTP status and messages the view returns.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from mlinterview.web.assessments import models as am
from mlinterview.web.assessments import services as assessment_services
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.greenhouse.models import ApiKey, SentTest

COMPLETE = "complete"
DEFAULT_CALLBACK_HOSTS = ("greenhouse.io",)


class ProtocolError(Exception):
    def __init__(self, status: int, *messages: str) -> None:
        self.status, self.messages = status, list(messages)
        super().__init__("; ".join(messages))


def _published_assessments(api_key: ApiKey) -> list[am.Assessment]:
    assessments = am.Assessment.objects.filter(team=api_key.team, versions__published_at__isnull=False)
    return list(assessments.distinct().order_by("title", "pk"))


def list_tests(api_key: ApiKey) -> list[dict[str, str]]:
    return [
        {"partner_test_id": str(a.pk), "partner_test_name": a.title} for a in _published_assessments(api_key)
    ]


def _text(data: dict[str, Any], name: str, problems: list[str], *, required: bool = True) -> str:
    value = data.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.append(f"{name} is required")
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        problems.append(f"{name} must be a string")
        return ""
    return str(value).strip()


def callback_hosts() -> tuple[str, ...]:
    """The hosts (and their subdomains) a completion callback may go to."""
    return tuple(getattr(settings, "MLINTERVIEW_GREENHOUSE_CALLBACK_HOSTS", DEFAULT_CALLBACK_HOSTS))


def _callback_allowed(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == allowed or host.endswith("." + allowed) for allowed in callback_hosts())


@dataclass
class SendTest:
    partner_test_id: str
    first_name: str
    last_name: str
    email: str
    greenhouse_profile_url: str
    url: str


def parse_send_test(body: Any) -> SendTest:
    """The request's fields, or a 400 naming every problem."""
    if not isinstance(body, dict):
        raise ProtocolError(400, "The body must be a JSON object.")
    problems: list[str] = []
    candidate = body.get("candidate")
    if not isinstance(candidate, dict):
        problems.append("candidate is required (an object)")
        candidate = {}
    request = SendTest(
        partner_test_id=_text(body, "partner_test_id", problems),
        first_name=_text(candidate, "first_name", problems),
        last_name=_text(candidate, "last_name", problems),
        email=_text(candidate, "email", problems).lower(),
        greenhouse_profile_url=_text(candidate, "greenhouse_profile_url", problems),
        url=_text(body, "url", problems),
    )
    if request.email:
        try:
            validate_email(request.email)
        except ValidationError:
            problems.append("email is not a valid e-mail address")
    for name in ("url", "greenhouse_profile_url"):
        value = getattr(request, name)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                problems.append(f"{name} is not a valid URL")
    if request.url and not problems and not _callback_allowed(request.url):
        problems.append("url is not on a Greenhouse host this site accepts")
    if problems:
        raise ProtocolError(400, *problems)
    return request


def _new_interview_id() -> str:
    return secrets.token_hex(12)


def send_test(api_key: ApiKey, body: Any, base_url: str) -> str:
    """Invite the candidate; returns the ``partner_interview_id``. Sending the same candidate the
    same test again answers the id already given (Greenhouse may retry a request)."""
    request = parse_send_test(body)
    assessment = next(
        (a for a in _published_assessments(api_key) if str(a.pk) == request.partner_test_id), None
    )
    if assessment is None:
        raise ProtocolError(404, f"No test {request.partner_test_id!r} for this API key.")
    version = assessment.published
    if version is None:  # unpublished since listed
        raise ProtocolError(404, f"No test {request.partner_test_id!r} for this API key.")
    earlier = SentTest.objects.filter(
        api_key__team=api_key.team,
        invitation__version=version,
        invitation__candidate__email=request.email,
        invitation__candidate__anonymised_at__isnull=True,
    ).first()
    if earlier is not None:
        return earlier.partner_interview_id
    name = f"{request.first_name} {request.last_name}"
    with transaction.atomic():
        try:
            # A candidate already on file under another name keeps that name: the recruiter decides.
            invitation, _ = assessment_services.invite(version, name, request.email, None, name_choice="keep")
        except AssessmentError as exc:
            raise ProtocolError(409, str(exc)) from None
        sent = SentTest.objects.create(
            api_key=api_key,
            invitation=invitation,
            partner_interview_id=_new_interview_id(),
            callback_url=request.url,
            greenhouse_profile_url=request.greenhouse_profile_url,
        )
        assessment_services.queue_mail(invitation, base_url)
        audit(
            None,
            "greenhouse.send_test",
            invitation,
            key=api_key.prefix,
            partner_interview_id=sent.partner_interview_id,
        )
    return sent.partner_interview_id


def _sent_test(api_key: ApiKey, partner_interview_id: str | None) -> SentTest:
    if not partner_interview_id or not partner_interview_id.strip():
        raise ProtocolError(400, "partner_interview_id is required")
    sent = (
        SentTest.objects.select_related("invitation__version__assessment", "invitation__candidate")
        .filter(partner_interview_id=partner_interview_id.strip(), api_key__team=api_key.team)
        .first()
    )
    if sent is None:
        raise ProtocolError(404, f"No test instance {partner_interview_id!r} for this API key.")
    return sent


def _stamp(at: Any) -> str | None:
    return at.isoformat(timespec="seconds") if at else None


def reviewed(attempt: am.Attempt | None) -> bool:
    return attempt is not None and attempt.submitted_at is not None and attempt.review_commits.exists()


def test_status(api_key: ApiKey, partner_interview_id: str | None, absolute: Any) -> dict[str, Any]:
    """The documented four keys. ``absolute`` turns a site path into a full URL."""
    from django.urls import reverse

    sent = _sent_test(api_key, partner_interview_id)
    invitation = sent.invitation
    attempt = am.Attempt.objects.filter(invitation=invitation).first()
    assessment = invitation.version.assessment
    metadata: dict[str, Any] = {"Assessment": assessment.title, "Invited At": _stamp(invitation.created_at)}
    if invitation.candidate.anonymised_at is not None:
        return {
            "partner_status": "deleted",
            "partner_profile_url": None,
            "partner_score": None,
            "metadata": metadata,
        }
    if not reviewed(attempt):
        if attempt is not None:
            metadata["Started At"] = _stamp(attempt.started_at)
            metadata["Submitted At"] = _stamp(attempt.submitted_at)
        return {
            "partner_status": str(invitation.status),
            "partner_profile_url": None,
            "partner_score": None,
            "metadata": metadata,
        }
    assert attempt is not None
    row = next(r for r in assessment_services.shortlist(invitation.version) if r.attempt.pk == attempt.pk)
    first_review = attempt.review_commits.order_by("committed_at").first()
    metadata.update(
        {
            "Started At": _stamp(attempt.started_at),
            "Submitted At": _stamp(attempt.submitted_at),
            "Reviewed At": _stamp(first_review.committed_at if first_review else None),
            "Scores Still Pending": row.pending + row.failed,
        }
    )
    return {
        "partner_status": COMPLETE,
        "partner_profile_url": absolute(reverse("attempt-review", args=[assessment.pk, attempt.pk])),
        "partner_score": round(row.total * 100, 1) if row.total is not None else None,
        "metadata": metadata,
    }


def response_error(api_key: ApiKey, body: Any) -> None:
    """Keep Greenhouse's report (``api_call`` and ``errors`` always come) in the audit trail."""
    if not isinstance(body, dict):
        raise ProtocolError(400, "The body must be a JSON object.")
    problems: list[str] = []
    api_call = _text(body, "api_call", problems)
    errors = body.get("errors")
    if not isinstance(errors, list) or not all(isinstance(e, str) for e in errors):
        problems.append("errors is required (a list of strings)")
        errors = []
    if problems:
        raise ProtocolError(400, *problems)
    details = {
        "api_call": api_call[:100],
        "errors": [e[:500] for e in errors[:20]],
        "partner_test_id": str(body.get("partner_test_id") or "")[:40],
        "partner_interview_id": str(body.get("partner_interview_id") or "")[:40],
        "key": api_key.prefix,
    }
    audit(None, "greenhouse.response_error", api_key, **details)
