"""Inviting candidates (one, or a CSV of them) and resolving the single-use link a candidate opens.

A token is shown once and only its hash is stored."""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError, InvalidToken
from mlinterview.web.assessments.services.attempts import enforce_deadline
from mlinterview.web.assessments.services.text import storable

TOKEN_BYTES = 32
DEFAULT_EXPIRY = timedelta(days=14)
MAX_CSV_ROWS = 1000


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(
    version: m.AssessmentVersion,
    name: str,
    email: str,
    user: Any,
    *,
    expires_in: timedelta = DEFAULT_EXPIRY,
    extra_time_minutes: int = 0,
) -> tuple[m.Invitation, str]:
    """Invite one candidate; returns the invitation and the raw token (shown once, never stored)."""
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
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        candidate = m.Candidate.objects.filter(
            email=email, anonymised_at__isnull=True
        ).first() or m.Candidate.objects.create(name=name[:200], email=email)
        if m.Invitation.objects.filter(version=version, candidate=candidate).exists():
            raise AssessmentError(f"{email} is already invited to this assessment.")
        invitation = m.Invitation.objects.create(
            version=version,
            candidate=candidate,
            token_hash=hash_token(token),
            expires_at=timezone.now() + expires_in,
            extra_time_minutes=extra_time_minutes,
        )
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
        except AssessmentError as exc:
            result.errors.append(f"line {line}: {exc}")
    return result


def mark_sent(invitation: m.Invitation) -> None:
    invitation.sent_at = invitation.sent_at or timezone.now()
    invitation.save(update_fields=["sent_at"])


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
