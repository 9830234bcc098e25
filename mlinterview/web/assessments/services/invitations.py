"""Inviting candidates (one, or a CSV of them), mailing them their link (and a reminder before it
expires), resending and revoking links, and resolving the link a candidate opens.

Only a hash of each token is stored; see ``links`` for how the worker rebuilds a link to mail it.
An e-mail that already belongs to a candidate under another name is never renamed silently: the
recruiter chooses (``name_choice``)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError, InvalidToken
from mlinterview.web.assessments.jobs.mail import enqueue_mail
from mlinterview.web.assessments.links import hash_token, link_token, new_nonce
from mlinterview.web.assessments.services.attempts import enforce_deadline
from mlinterview.web.assessments.services.text import storable

MAX_CSV_ROWS = 1000
NAME_CHOICES = ("keep", "typed")


class NameConflict(AssessmentError):
    """The e-mail belongs to a candidate under another name; the recruiter must choose."""

    def __init__(self, email: str, existing: str, typed: str, *, may_rename: bool = True) -> None:
        self.email, self.existing, self.typed, self.may_rename = email, existing, typed, may_rename
        super().__init__(
            f"{email} is already a candidate named {existing!r}, not {typed!r}: choose which name to keep."
        )


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _new_link(invitation: m.Invitation) -> str:
    """Give the invitation a fresh link (the previous one stops working); returns its token."""
    invitation.link_nonce = new_nonce()
    token = link_token(invitation)
    invitation.token_hash = hash_token(token)
    return token


def invite(
    version: m.AssessmentVersion,
    name: str,
    email: str,
    user: Any,
    *,
    expires_in: timedelta | None = None,
    extra_time_minutes: int = 0,
    name_choice: str | None = None,
    within: QuerySet[m.Invitation] | None = None,
) -> tuple[m.Invitation, str]:
    """Invite one candidate; returns the invitation and its token. The link works for the
    assessment's ``link_valid_days`` unless ``expires_in`` says otherwise. If the e-mail belongs
    to a candidate with another name, ``name_choice`` says which name to keep ("keep": the one on
    file, "typed": the one given); without it ``NameConflict`` is raised and nothing changes.
    ``within`` (the invitations the user manages) limits renaming: a candidate another team also
    invited keeps the name on file, since the row is shared by every team that invited them."""
    if not version.is_published:
        raise AssessmentError("Publish the assessment before inviting candidates.")
    name, email = storable(name).strip(), email.strip().lower()
    if not name:
        raise AssessmentError("Each candidate needs a name.")
    try:
        validate_email(email)
    except ValidationError:
        raise AssessmentError(f"{email!r} is not a valid email address.") from None
    if not 0 <= extra_time_minutes <= 240:
        raise AssessmentError("Extra time must be between 0 and 240 minutes.")
    if name_choice not in (None, *NAME_CHOICES):
        raise AssessmentError("Choose to keep the name on file or to use the name typed.")
    if expires_in is None:
        expires_in = timedelta(days=version.assessment.link_valid_days)
    name = name[:200]
    with transaction.atomic():
        candidate = m.Candidate.objects.filter(email=email, anonymised_at__isnull=True).first()
        if candidate is None:
            candidate = m.Candidate.objects.create(name=name, email=email)
        if m.Invitation.objects.filter(version=version, candidate=candidate).exists():
            raise AssessmentError(f"{email} is already invited to this assessment.")
        if not _same_name(candidate.name, name):
            may_rename = (
                within is None or not candidate.invitations.exclude(pk__in=within.values("pk")).exists()
            )
            if name_choice is None:
                raise NameConflict(email, candidate.name, name, may_rename=may_rename)
            if name_choice == "typed" and not may_rename:
                raise AssessmentError(
                    f"{email} was also invited by another team, whose records keep the name on file; "
                    "invite them under that name."
                )
            if name_choice == "typed":
                audit(user, "candidate.rename", candidate, before=candidate.name, after=name)
                candidate.name = name
                candidate.save(update_fields=["name"])
        invitation = m.Invitation.objects.create(
            version=version,
            candidate=candidate,
            token_hash=hash_token(new_nonce()),  # replaced below, once the row has its id
            expires_at=timezone.now() + expires_in,
            extra_time_minutes=extra_time_minutes,
        )
        token = _new_link(invitation)
        invitation.save(update_fields=["link_nonce", "token_hash"])
        audit(user, "invitation.create", invitation, candidate=candidate.pk)
    return invitation, token


@dataclass
class CsvResult:
    invited: list[tuple[m.Invitation, str]]
    errors: list[str]


def _csv_records(text: str) -> list[tuple[int, list[str]]]:
    """The records of a CSV, each with the line it starts on: blank lines are no record but count
    as lines, and so does each line break inside a quoted field; lines may end in LF, CRLF or CR.
    The whole file is read before anyone is invited: a file that cannot be read invites nobody."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for record in reader:
            if record:
                records.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise AssessmentError(f"line {line}: this file cannot be read as CSV ({exc}).") from None
    return records


def invite_csv(version: m.AssessmentVersion, text: str, user: Any, **options: Any) -> CsvResult:
    """Invite everyone in a CSV with ``name`` and ``email`` columns; report bad rows by line."""
    records = _csv_records(text.lstrip("\ufeff"))
    fields = [field.strip().lower() for field in (records[0][1] if records else [])]
    if not {"name", "email"} <= set(fields):
        raise AssessmentError("The CSV needs a header row with the columns name and email.")
    result = CsvResult(invited=[], errors=[])
    for number, (line, record) in enumerate(records[1:], start=1):
        if number > MAX_CSV_ROWS:
            result.errors.append(f"line {line}: stopped, at most {MAX_CSV_ROWS} candidates per upload")
            break
        row = {field: value.strip() for field, value in zip(fields, record, strict=False)}
        try:
            result.invited.append(invite(version, row.get("name", ""), row.get("email", ""), user, **options))
        except NameConflict as exc:
            result.errors.append(
                f"line {line}: not invited: {exc.email} is already a candidate named {exc.existing!r}; "
                "invite them with the form to choose which name to keep"
            )
        except AssessmentError as exc:
            result.errors.append(f"line {line}: {exc}")
    return result


def queue_mail(
    invitation: m.Invitation, base_url: str, kind: str = m.InvitationMail.Kind.INVITATION
) -> m.InvitationMail:
    """Record a message to the candidate as queued and have the worker send it once the
    transaction commits. ``base_url`` is the site's address the link starts with."""
    mail = m.InvitationMail.objects.create(
        invitation=invitation, kind=kind, to=invitation.candidate.email, base_url=base_url
    )
    transaction.on_commit(lambda: enqueue_mail(mail.pk))
    return mail


def _managed(invitation: m.Invitation) -> m.Invitation:
    if invitation.candidate.anonymised_at is not None:
        raise AssessmentError("This candidate's personal data was deleted.")
    if invitation.submitted_at is not None:
        raise AssessmentError("This candidate has submitted already.")
    return invitation


def resend_invitation(invitation: m.Invitation, user: Any, base_url: str) -> str:
    """Mail the candidate a fresh link (the old one stops working at once, since only a hash of
    it was kept) valid for the assessment's ``link_valid_days`` from now; lifts a revocation.
    An attempt in progress continues through the new link."""
    with transaction.atomic():
        invitation = _managed(m.Invitation.objects.select_for_update().get(pk=invitation.pk))
        token = _new_link(invitation)
        if invitation.started_at is None:
            invitation.expires_at = timezone.now() + timedelta(
                days=invitation.version.assessment.link_valid_days
            )
        invitation.revoked_at = invitation.reminder_queued_at = None
        invitation.save(
            update_fields=["link_nonce", "token_hash", "expires_at", "revoked_at", "reminder_queued_at"]
        )
        audit(user, "invitation.resend", invitation)
        queue_mail(invitation, base_url)
    return token


def revoke_invitation(invitation: m.Invitation, user: Any) -> None:
    """Withdraw a link that has not been used to start: it stops working (resend gives a new one)."""
    with transaction.atomic():
        invitation = _managed(m.Invitation.objects.select_for_update().get(pk=invitation.pk))
        if invitation.started_at is not None:
            raise AssessmentError("This candidate has started; their attempt cannot be withdrawn.")
        if invitation.revoked_at is None:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
            audit(user, "invitation.revoke", invitation)


def update_invitation_settings(
    assessment: m.Assessment, user: Any, *, link_valid_days: int, reminder_hours: int
) -> None:
    """How long new links work and when candidates who have not started are reminded."""
    if not 1 <= link_valid_days <= 90:
        raise AssessmentError("Links work between 1 and 90 days.")
    if not 0 <= reminder_hours <= 24 * 30:
        raise AssessmentError("Reminders go between 0 (never) and 720 hours before the link expires.")
    assessment.link_valid_days, assessment.reminder_hours = link_valid_days, reminder_hours
    assessment.save(update_fields=["link_valid_days", "reminder_hours"])
    audit(user, "assessment.invitation_settings", assessment, days=link_valid_days, hours=reminder_hours)


def send_due_reminders(now: datetime | None = None) -> int:
    """Queue a reminder for each invitation whose link expires within its assessment's reminder
    window and that was mailed before the window opened, has not been started, revoked or
    reminded. Run by every worker every few seconds (the recovery loop's sweeps): each invitation
    is taken by one conditional update, so it is reminded once however many workers run it.
    Returns how many reminders were queued."""
    now = now or timezone.now()
    candidates = (
        m.Invitation.objects.filter(
            expires_at__gt=now,
            started_at__isnull=True,
            submitted_at__isnull=True,
            revoked_at__isnull=True,
            reminder_queued_at__isnull=True,
            candidate__anonymised_at__isnull=True,
            version__assessment__reminder_hours__gt=0,
            mails__kind=m.InvitationMail.Kind.INVITATION,
            mails__status__in=[m.InvitationMail.Status.SENT, m.InvitationMail.Status.HELD],
        )
        .exclude(link_nonce="")
        .select_related("version__assessment", "candidate")
        .distinct()
    )
    queued = 0
    for invitation in candidates:
        window = timedelta(hours=invitation.version.assessment.reminder_hours)
        opens = invitation.expires_at - window
        mailed = (
            invitation.mails.filter(kind=m.InvitationMail.Kind.INVITATION).order_by("-created_at").first()
        )
        if now < opens or mailed is None or mailed.created_at >= opens:
            continue  # not yet, or the invitation itself went out inside the window
        with transaction.atomic():
            taken = m.Invitation.objects.filter(pk=invitation.pk, reminder_queued_at__isnull=True).update(
                reminder_queued_at=now
            )
            if taken:
                queue_mail(invitation, mailed.base_url, m.InvitationMail.Kind.REMINDER)
                queued += 1
    return queued


def resolve_token(token: str) -> m.Invitation:
    """The invitation for a candidate's token, if it may still be used."""
    if not token or len(token) > 200:
        raise InvalidToken("This link is not valid.")
    invitation = (
        m.Invitation.objects.select_related("version", "candidate", "attempt")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None or invitation.candidate.anonymised_at is not None:
        raise InvalidToken("This link is not valid.")
    if invitation.revoked_at is not None:
        raise InvalidToken("This link has been withdrawn. Ask the recruiter for a new one.")
    attempt = getattr(invitation, "attempt", None)
    if attempt is not None:
        enforce_deadline(attempt)
    if invitation.submitted_at is not None:
        raise InvalidToken("This assessment has been submitted already; the link cannot be used again.")
    if invitation.expired and invitation.started_at is None:
        raise InvalidToken("This link has expired. Ask the recruiter for a new one.")
    if invitation.opened_at is None:
        invitation.opened_at = timezone.now()
        invitation.save(update_fields=["opened_at"])
    return invitation
