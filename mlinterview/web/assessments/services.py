"""The rules of assessments: building, publishing, inviting, taking, submitting, reviewing.

Views and the REST API call these functions and nothing else changes assessment rows, so each
rule (published versions are frozen, tokens are single use, answers are capped, nothing is lost,
every human change is audited) is enforced in one place.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError, InvalidToken
from mlinterview.web.questions.models import Question, QuestionVersion

TOKEN_BYTES = 32
DEFAULT_EXPIRY = timedelta(days=14)
MAX_CSV_ROWS = 1000
# A save reaching the server this long after the deadline still counts (network delay); only then
# does the deadline close the attempt. One figure for both, or a link opened a few seconds late
# would close the attempt before the save it carries is looked at.
LATE_SAVE_GRACE = timedelta(seconds=15)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """Text as it can be stored: PostgreSQL's text columns cannot hold NUL characters (SQLite's
    can), so NUL is dropped on every database, the same way on both. Half of a surrogate pair (a
    broken emoji, which JSON can carry) is no character and UTF-8 cannot encode it: it becomes
    U+FFFD, the replacement character, instead of failing the save."""
    return _LONE_SURROGATE.sub("\ufffd", text.replace("\x00", ""))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- building ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemSpec:
    kind: str  # "question" or "exercise"
    slug: str
    weight: float = 1.0


def create_assessment(title: str, user: Any, time_limit_minutes: int = 45) -> m.Assessment:
    title = title.strip()
    if not title:
        raise AssessmentError("Give the assessment a title.")
    if not 5 <= time_limit_minutes <= 480:
        raise AssessmentError("The time limit must be between 5 and 480 minutes.")
    with transaction.atomic():
        assessment = m.Assessment.objects.create(title=title[:200], created_by=user)
        m.AssessmentVersion.objects.create(
            assessment=assessment, number=1, time_limit_minutes=time_limit_minutes
        )
        audit(user, "assessment.create", assessment, title=assessment.title)
    return assessment


def editable_version(assessment: m.Assessment, user: Any) -> m.AssessmentVersion:
    """The draft to edit: the latest version if still a draft, else a new copy of it."""
    with transaction.atomic():
        latest = assessment.versions.select_for_update().order_by("-number").first()
        assert latest is not None
        if not latest.is_published:
            return latest
        draft = m.AssessmentVersion.objects.create(
            assessment=assessment,
            number=latest.number + 1,
            time_limit_minutes=latest.time_limit_minutes,
            instructions=latest.instructions,
        )
        m.AssessmentItem.objects.bulk_create(
            m.AssessmentItem(
                version=draft,
                position=item.position,
                kind=item.kind,
                question_version=item.question_version,
                exercise_slug=item.exercise_slug,
                exercise_hash=item.exercise_hash,
                weight=item.weight,
            )
            for item in latest.items.all()
        )
        audit(user, "assessment.new_version", draft, number=draft.number)
        return draft


def _require_draft(version: m.AssessmentVersion) -> None:
    if version.is_published:
        raise AssessmentError("A published version cannot be changed; edit to start a new version.")


def set_items(version: m.AssessmentVersion, specs: Sequence[ItemSpec], user: Any) -> None:
    from mlinterview.web.assessments.exercises import exercise_fingerprint

    _require_draft(version)
    seen: set[tuple[str, str]] = set()
    rows = []
    for position, spec in enumerate(specs):
        if (spec.kind, spec.slug) in seen:
            raise AssessmentError(f"{spec.slug} is in the assessment twice.")
        seen.add((spec.kind, spec.slug))
        if not 0 < spec.weight <= 10:
            raise AssessmentError("Item weights must be between 0 and 10.")
        if spec.kind == m.AssessmentItem.Kind.QUESTION:
            question = Question.objects.filter(slug=spec.slug, retired=False).first()
            if question is None or question.current_version is None:
                raise AssessmentError(f"There is no question {spec.slug!r} in the bank.")
            rows.append(
                m.AssessmentItem(
                    version=version,
                    position=position,
                    kind=spec.kind,
                    question_version=question.current_version,
                    weight=spec.weight,
                )
            )
        elif spec.kind == m.AssessmentItem.Kind.EXERCISE:
            rows.append(
                m.AssessmentItem(
                    version=version,
                    position=position,
                    kind=spec.kind,
                    exercise_slug=spec.slug,
                    exercise_hash=exercise_fingerprint(spec.slug),
                    weight=spec.weight,
                )
            )
        else:
            raise AssessmentError(f"Unknown item kind {spec.kind!r}.")
    with transaction.atomic():
        version.items.all().delete()
        m.AssessmentItem.objects.bulk_create(rows)
        audit(user, "assessment.items", version, items=[f"{s.kind}:{s.slug}" for s in specs])


def update_settings(
    version: m.AssessmentVersion, user: Any, *, time_limit_minutes: int, instructions: str = ""
) -> None:
    _require_draft(version)
    if not 5 <= time_limit_minutes <= 480:
        raise AssessmentError("The time limit must be between 5 and 480 minutes.")
    version.time_limit_minutes = time_limit_minutes
    version.instructions = instructions.strip()[:5000]
    version.save(update_fields=["time_limit_minutes", "instructions"])
    audit(user, "assessment.settings", version, time_limit_minutes=time_limit_minutes)


def publish(version: m.AssessmentVersion, user: Any) -> m.AssessmentVersion:
    _require_draft(version)
    if not version.items.exists():
        raise AssessmentError("Add at least one question or exercise before publishing.")
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
    audit(user, "assessment.publish", version, number=version.number)
    return version


# --- invitations --------------------------------------------------------------------------


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
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

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


# --- taking -------------------------------------------------------------------------------


def start_attempt(invitation: m.Invitation) -> m.Attempt:
    with transaction.atomic():
        invitation = m.Invitation.objects.select_for_update().get(pk=invitation.pk)
        existing = m.Attempt.objects.filter(invitation=invitation).first()
        if existing is not None:
            return existing
        now = timezone.now()
        minutes = invitation.version.time_limit_minutes + invitation.extra_time_minutes
        attempt = m.Attempt.objects.create(
            invitation=invitation, started_at=now, deadline=now + timedelta(minutes=minutes)
        )
        invitation.started_at = now
        invitation.save(update_fields=["started_at"])
        for item in invitation.version.items.all():
            m.Answer.objects.create(attempt=attempt, item=item)
        return attempt


def enforce_deadline(attempt: m.Attempt, grace: timedelta = LATE_SAVE_GRACE) -> bool:
    """Submit the attempt if its deadline (and the grace for late saves) has passed. True if it is
    (now) submitted."""
    if attempt.submitted_at is not None:
        return True
    if timezone.now() > attempt.deadline + grace:
        submit(attempt, auto=True)
        return True
    return False


def attempt_of(invitation: m.Invitation) -> m.Attempt | None:
    """The invitation's attempt, if started (fetched with the invitation by ``resolve_token``)."""
    return getattr(invitation, "attempt", None)


def seconds_left(attempt: m.Attempt) -> int:
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def autosave(attempt: m.Attempt, item_id: int, content: str, *, position: int | None = None) -> m.Answer:
    """Save what the candidate has typed; every changed save is kept as a revision."""
    content = storable(content)
    if len(content) > m.Answer.MAX_CHARS:
        raise AssessmentError(
            f"This answer is {len(content):,} characters long; the limit is {m.Answer.MAX_CHARS:,}. "
            "Shorten it and it will be saved."
        )
    with transaction.atomic():
        # One query locks the answer and its attempt (the join locks both rows), so a save cannot
        # slip in after a concurrent submit has locked the attempt and closed it.
        answer = (
            m.Answer.objects.select_for_update()
            .select_related("attempt")
            .get(attempt_id=attempt.pk, item_id=item_id)
        )
        locked = answer.attempt
        if locked.submitted_at is not None:
            raise AssessmentError("This assessment has been submitted; answers can no longer change.")
        # A save arriving just after the deadline still counts (network delay), then it closes.
        if timezone.now() > locked.deadline + LATE_SAVE_GRACE:
            raise AssessmentError("Time is up; this answer could not be saved.")
        if content != answer.content:
            answer.revision += 1
            answer.content = content
            answer.save(update_fields=["content", "revision", "updated_at"])
            m.AnswerRevision.objects.create(answer=answer, revision=answer.revision, content=content)
        if position is not None and position != locked.position:
            locked.position = position
            locked.save(update_fields=["position"])
    return answer


def submit(attempt: m.Attempt, *, auto: bool = False) -> m.Attempt:
    with transaction.atomic():
        locked = m.Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.submitted_at is not None:
            return locked
        now = timezone.now()
        locked.submitted_at = now
        locked.auto_submitted = auto
        locked.save(update_fields=["submitted_at", "auto_submitted"])
        m.Invitation.objects.filter(pk=locked.invitation_id).update(submitted_at=now)
        for answer in locked.answers.all():
            m.Score.objects.get_or_create(answer=answer)
        audit(None, "attempt.auto_submit" if auto else "attempt.submit", locked)
        transaction.on_commit(lambda: enqueue_scoring(locked))
    attempt.refresh_from_db()
    return locked


def enqueue_scoring(attempt: m.Attempt) -> None:
    pending = m.Score.objects.filter(answer__attempt=attempt, status=m.Score.Status.PENDING)
    for score_id in pending.values_list("pk", flat=True):
        m.Score.objects.filter(pk=score_id).update(lease_until=timezone.now() + scoring_lease())
        _enqueue(score_id)


def submit_overdue_attempts() -> int:
    """Auto-submit every attempt past its deadline (the worker runs this regularly)."""
    count = 0
    overdue = m.Attempt.objects.filter(submitted_at__isnull=True, deadline__lt=timezone.now())
    for attempt in overdue:
        count += enforce_deadline(attempt)
    return count


# --- review -------------------------------------------------------------------------------


def override_score(score: m.Score, reviewer: Any, value: float, reason: str) -> m.Override:
    reason = reason.strip()
    if not reason:
        raise AssessmentError("Say why you are changing the score; the reason is kept in the audit trail.")
    if not 0.0 <= value <= 1.0:
        raise AssessmentError("A score must be between 0 and 100%.")
    with transaction.atomic():
        before = score.value
        override = m.Override.objects.create(
            score=score, reviewer=reviewer, value=value, reason=reason[:2000]
        )
        audit(reviewer, "score.override", score, before=before, after=value, reason=reason[:2000])
    return override


def commit_review(attempt: m.Attempt, reviewer: Any) -> None:
    _, created = m.ReviewCommit.objects.get_or_create(attempt=attempt, reviewer=reviewer)
    if created:
        audit(reviewer, "review.commit", attempt)


def may_see_identity(attempt: m.Attempt, reviewer: Any) -> bool:
    return m.ReviewCommit.objects.filter(attempt=attempt, reviewer=reviewer).exists()


@dataclass
class ShortlistRow:
    attempt: m.Attempt
    candidate: m.Candidate
    total: float | None  # weighted mean of item scores, 0..1; None while any score is pending
    by_set: dict[str, float]
    pending: int
    failed: int
    overridden: int


def shortlist(version: m.AssessmentVersion) -> list[ShortlistRow]:
    rows = []
    attempts = (
        m.Attempt.objects.filter(invitation__version=version, submitted_at__isnull=False)
        .select_related("invitation__candidate")
        .prefetch_related("answers__score__overrides", "answers__item__question_version")
    )
    for attempt in attempts:
        weighted = 0.0
        weights = 0.0
        per_set: dict[str, list[float]] = {}
        pending = failed = overridden = 0
        for answer in attempt.answers.all():
            score = getattr(answer, "score", None)
            value = score.value if score is not None else None
            if score is not None and score.overrides.exists():
                overridden += 1
            if value is None:
                if score is not None and score.status == m.Score.Status.FAILED:
                    failed += 1
                else:
                    pending += 1
                continue
            weighted += answer.item.weight * value
            weights += answer.item.weight
            per_set.setdefault(item_group(answer.item), []).append(value)
        total = weighted / weights if weights and not pending and not failed else None
        rows.append(
            ShortlistRow(
                attempt=attempt,
                candidate=attempt.invitation.candidate,
                total=total,
                by_set={k: sum(v) / len(v) for k, v in sorted(per_set.items())},
                pending=pending,
                failed=failed,
                overridden=overridden,
            )
        )
    rows.sort(key=lambda r: (r.total is None, -(r.total or 0.0), r.attempt.submitted_at))
    return rows


def item_group(item: m.AssessmentItem) -> str:
    if item.kind == m.AssessmentItem.Kind.EXERCISE:
        return "coding exercises"
    assert item.question_version is not None
    return str(item.question_version.data.get("set", "other"))


def delete_candidate(candidate: m.Candidate, user: Any) -> None:
    """Remove a candidate's personal data everywhere; their answers stay only anonymised."""
    with transaction.atomic():
        candidate.name = ""
        candidate.email = f"deleted-{candidate.pk}@invalid"
        candidate.anonymised_at = timezone.now()
        candidate.save(update_fields=["name", "email", "anonymised_at"])
        m.AuditEvent.objects.filter(details__candidate=candidate.pk).update(details={})
        audit(user, "candidate.delete", candidate)


def question_versions_for(slugs: Iterable[str]) -> dict[str, QuestionVersion]:
    rows = Question.objects.filter(slug__in=list(slugs)).select_related("current_version")
    return {row.slug: row.current_version for row in rows if row.current_version is not None}


# --- scoring in the background ----------------------------------------------------------

MAX_SCORING_TRIES = 3


def scoring_lease() -> timedelta:
    """How long a worker may hold a scoring job before the reconciler hands it to another."""
    from django.conf import settings

    return timedelta(seconds=getattr(settings, "MLINTERVIEW_SCORING_LEASE_SECONDS", 600))


def _backoff(tries: int) -> timedelta:
    return timedelta(seconds=15 * 2 ** max(0, tries - 1))


def run_scoring(score_id: int) -> str:
    """Score one answer. Safe to run twice: finished or leased work is left alone."""
    import logging

    from mlinterview.web.assessments import grading

    log = logging.getLogger("mlinterview.scoring")
    now = timezone.now()
    with transaction.atomic():
        score = m.Score.objects.select_for_update().get(pk=score_id)
        if score.status == m.Score.Status.DONE:
            return "already done"
        if score.status == m.Score.Status.RUNNING and score.lease_until and score.lease_until > now:
            return "leased by another worker"
        score.status = m.Score.Status.RUNNING
        score.tries += 1
        score.lease_until = now + scoring_lease()
        score.save(update_fields=["status", "tries", "lease_until"])
    answer = m.Answer.objects.select_related("item__question_version").get(pk=score.answer_id)
    try:
        value, evidence = grading.grade(answer)
    except Exception as exc:
        log.exception("scoring answer %s failed (try %s)", answer.pk, score.tries)
        with transaction.atomic():
            score = m.Score.objects.select_for_update().get(pk=score_id)
            if score.status == m.Score.Status.DONE:  # this worker's lease ran out; another finished it
                return "already done"
            score.error = f"{type(exc).__name__}: {exc}"[:2000]
            if score.tries >= MAX_SCORING_TRIES:
                score.status = m.Score.Status.FAILED
                score.lease_until = None
                audit(None, "score.failed", score, error=score.error)
            else:
                score.status = m.Score.Status.PENDING
                score.lease_until = timezone.now() + _backoff(score.tries) + scoring_lease()
                delay = _backoff(score.tries)
                transaction.on_commit(lambda: _enqueue(score_id, delay))
            score.save(update_fields=["status", "error", "lease_until"])
        return "failed"
    with transaction.atomic():
        score = m.Score.objects.select_for_update().get(pk=score_id)
        score.status = m.Score.Status.DONE
        score.auto_value = value
        score.evidence = evidence
        score.error = ""
        score.scored_at = timezone.now()
        score.lease_until = None
        score.save(update_fields=["status", "auto_value", "evidence", "error", "scored_at", "lease_until"])
    return "done"


TRIAL_RUN_UNAVAILABLE = (
    "Running code is not available right now; your code is saved and is judged after you submit."
)


def request_trial_run(attempt: m.Attempt, item_id: int, source: str) -> m.TrialRun:
    """Save the code, then queue a run on the public examples (or return the one still in flight)."""
    item = attempt.invitation.version.items.filter(pk=item_id, kind=m.AssessmentItem.Kind.EXERCISE).first()
    if item is None:
        raise AssessmentError("That item is not a coding exercise of this assessment.")
    source = autosave(attempt, item_id, source).content
    with transaction.atomic():
        m.Attempt.objects.select_for_update().get(pk=attempt.pk)  # one request at a time per attempt
        in_flight = m.TrialRun.objects.filter(
            attempt=attempt,
            status__in=[m.TrialRun.Status.PENDING, m.TrialRun.Status.RUNNING],
            created_at__gt=timezone.now() - m.TrialRun.PATIENCE,
        ).first()
        if in_flight is not None:
            return in_flight
        run = m.TrialRun.objects.create(attempt=attempt, item=item, source=source)
        transaction.on_commit(lambda: _enqueue_trial(run.pk))
    return run


def _enqueue_trial(run_id: int) -> None:
    """Queue a trial run; if the queue cannot be reached, the run ends at once with a message
    (the code is saved either way)."""
    import logging

    from mlinterview.web.assessments.tasks import enqueue, trial_run_task

    try:
        enqueue(trial_run_task, run_id)  # its queue comes first (TASK_QUEUES)
    except Exception:
        logging.getLogger("mlinterview.queue").exception("could not queue trial run %s", run_id)
        m.TrialRun.objects.filter(pk=run_id, status=m.TrialRun.Status.PENDING).update(
            status=m.TrialRun.Status.FAILED, error=TRIAL_RUN_UNAVAILABLE, finished_at=timezone.now()
        )


def run_trial(run_id: int) -> str:
    """Judge a trial run on the public examples (worker side). Safe to run twice."""
    from mlinterview.sandbox import SandboxUnavailable
    from mlinterview.web.assessments.exercises import run_public_examples

    with transaction.atomic():
        run = m.TrialRun.objects.select_for_update().select_related("item").get(pk=run_id)
        if run.status != m.TrialRun.Status.PENDING:
            return f"already {run.status}"
        if run.waited_too_long(timezone.now()):
            run.status = m.TrialRun.Status.FAILED
            run.error = "The run waited too long in the queue; try again."
            run.finished_at = timezone.now()
            run.save(update_fields=["status", "error", "finished_at"])
            return "expired"
        run.status = m.TrialRun.Status.RUNNING
        run.started_at = timezone.now()
        run.save(update_fields=["status", "started_at"])
    try:
        result, error = run_public_examples(run.item.exercise_slug, run.source), ""
    except SandboxUnavailable:
        result, error = {}, TRIAL_RUN_UNAVAILABLE
    except Exception as exc:  # the candidate sees a message; the worker log has the details
        import logging

        logging.getLogger("mlinterview.judging").exception("trial run %s failed", run_id)
        result, error = {}, f"The run failed on the server ({type(exc).__name__}); your code is saved."
    m.TrialRun.objects.filter(pk=run_id).update(
        status=m.TrialRun.Status.FAILED if error else m.TrialRun.Status.DONE,
        result=result,
        error=error,
        finished_at=timezone.now(),
    )
    return "failed" if error else "done"


def trial_run_view(run: m.TrialRun, now: Any = None) -> dict[str, Any]:
    """What the candidate's page is told about a trial run (public examples only)."""
    now = now or timezone.now()
    view: dict[str, Any] = {"run": run.pk, "status": run.status}
    if run.status == m.TrialRun.Status.DONE:
        view.update(run.result)
    elif run.status == m.TrialRun.Status.FAILED:
        view["error"] = run.error
    elif run.waited_too_long(now):
        view.update(status="failed", error=TRIAL_RUN_UNAVAILABLE)
    return view


def _enqueue(score_id: int, delay: timedelta | None = None) -> None:
    """Queue the scoring (or judging) of one answer. Never raises: if the queue cannot be
    reached (Redis restarting, say), the score stays pending with its lease expired, and the
    reconciler of any worker queues it again within seconds."""
    import logging

    from mlinterview.web.assessments.tasks import enqueue, score_answer_task

    answer_kind = m.Score.objects.filter(pk=score_id).values_list("answer__item__kind", flat=True).first()
    queue = "judging" if answer_kind == m.AssessmentItem.Kind.EXERCISE else "scoring"
    try:
        enqueue(
            score_answer_task, score_id, queue_name=queue, run_after=timezone.now() + delay if delay else None
        )
    except Exception:
        logging.getLogger("mlinterview.queue").exception(
            "could not queue score %s; the reconciler will", score_id
        )
        m.Score.objects.filter(pk=score_id, status=m.Score.Status.PENDING).update(lease_until=timezone.now())


def retry_score(score: m.Score, user: Any) -> None:
    """Put a failed score back in the queue (staff action)."""
    with transaction.atomic():
        score = m.Score.objects.select_for_update().get(pk=score.pk)
        if score.status != m.Score.Status.FAILED:
            raise AssessmentError("Only a failed score can be retried.")
        score.status = m.Score.Status.PENDING
        score.tries = 0
        score.lease_until = timezone.now() + scoring_lease()
        score.save(update_fields=["status", "tries", "lease_until"])
        audit(user, "score.retry", score)
        transaction.on_commit(lambda: _enqueue(score.pk))


@dataclass
class JobHealth:
    """What staff see on the background-jobs page: the queue by status and the dead letters."""

    counts: dict[str, int]
    oldest_waiting_seconds: float | None
    failed: list[m.Score]


def job_health(now: Any = None) -> JobHealth:
    """Scores by status, how long the oldest unfinished one has waited, and every failed one.

    Failed scores are the dead letters: the worker gave up after MAX_SCORING_TRIES and only a
    person can put them back. This reads the database, so it is the same whichever task backend
    runs the work.
    """
    from django.db.models import Count

    now = now or timezone.now()
    counts = {status.value: 0 for status in m.Score.Status}
    for row in m.Score.objects.values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    waiting = (
        m.Score.objects.filter(status__in=[m.Score.Status.PENDING, m.Score.Status.RUNNING])
        .order_by("answer__attempt__submitted_at")
        .values_list("answer__attempt__submitted_at", flat=True)
        .first()
    )
    failed = list(
        m.Score.objects.filter(status=m.Score.Status.FAILED)
        .select_related(
            "answer__attempt__invitation__candidate",
            "answer__attempt__invitation__version__assessment",
            "answer__item",
        )
        .order_by("answer__attempt__submitted_at", "pk")
    )
    return JobHealth(
        counts=counts,
        oldest_waiting_seconds=(now - waiting).total_seconds() if waiting else None,
        failed=failed,
    )


def retry_all_failed(user: Any) -> int:
    """Put every failed score back in the queue (staff action); returns how many."""
    retried = 0
    for score in m.Score.objects.filter(status=m.Score.Status.FAILED):
        try:
            retry_score(score, user)
        except AssessmentError:  # retried by someone else meanwhile
            continue
        retried += 1
    return retried


def reconcile(now: Any = None) -> dict[str, int]:
    """Recover from lost work: submit overdue attempts, re-queue scores whose lease ran out.

    A worker killed in the middle of a job, or a queue that lost its messages, leaves scores
    pending or running with an expired lease; this puts them back in the queue. Run by every
    worker at start and then every few seconds.
    """
    now = now or timezone.now()
    submitted = submit_overdue_attempts()
    stale = m.Score.objects.filter(status__in=[m.Score.Status.PENDING, m.Score.Status.RUNNING]).filter(
        models_q_stale(now)
    )
    requeued = 0
    for score_id in stale.values_list("pk", flat=True):
        with transaction.atomic():
            score = m.Score.objects.select_for_update().get(pk=score_id)
            if score.status not in (m.Score.Status.PENDING, m.Score.Status.RUNNING):
                continue
            if score.lease_until is not None and score.lease_until > now:
                continue
            score.status = m.Score.Status.PENDING
            score.lease_until = now + scoring_lease()
            score.save(update_fields=["status", "lease_until"])
            transaction.on_commit(lambda sid=score_id: _enqueue(sid))
            requeued += 1
    return {"submitted": submitted, "requeued": requeued}


def models_q_stale(now: Any) -> Any:
    from django.db.models import Q

    return Q(lease_until__isnull=True) | Q(lease_until__lte=now)


# --- builder operations on a draft ------------------------------------------------------


def current_specs(version: m.AssessmentVersion) -> list[ItemSpec]:
    return [ItemSpec(kind=i.kind, slug=i.slug, weight=i.weight) for i in version.items.all()]


def add_item(version: m.AssessmentVersion, spec: ItemSpec, user: Any) -> None:
    set_items(version, [*current_specs(version), spec], user)


def remove_item(version: m.AssessmentVersion, position: int, user: Any) -> None:
    specs = current_specs(version)
    if not 0 <= position < len(specs):
        raise AssessmentError("No item at that position.")
    del specs[position]
    set_items(version, specs, user)


def move_item(version: m.AssessmentVersion, position: int, offset: int, user: Any) -> None:
    specs = current_specs(version)
    target = position + offset
    if not (0 <= position < len(specs) and 0 <= target < len(specs)):
        raise AssessmentError("The item cannot move further.")
    specs[position], specs[target] = specs[target], specs[position]
    set_items(version, specs, user)


def generate_items(
    version: m.AssessmentVersion,
    user: Any,
    *,
    level: str,
    minutes: int,
    seed: int = 0,
    include_exercises: int = 0,
) -> list[ItemSpec]:
    """Fill a draft with a balanced set for a level and a time budget (e.g. mid, 45 minutes)."""
    from mlinterview.bank import Level, load_bank
    from mlinterview.bank.selection import SelectionRequest, select_questions

    try:
        wanted = Level(level)
    except ValueError:
        raise AssessmentError(f"Unknown level {level!r}.") from None
    if not 10 <= minutes <= 480:
        raise AssessmentError("The time budget must be between 10 and 480 minutes.")
    live = set(Question.objects.filter(retired=False).values_list("slug", flat=True))
    bank = load_bank()
    specs: list[ItemSpec] = []
    budget = minutes
    if include_exercises:
        from mlinterview.web.assessments.exercises import exercises_for_level

        for slug, exercise_minutes in exercises_for_level(level)[:include_exercises]:
            specs.append(ItemSpec(kind=m.AssessmentItem.Kind.EXERCISE, slug=slug))
            budget -= exercise_minutes
    chosen = select_questions(bank, SelectionRequest(level=wanted, minutes=max(budget, 0), seed=seed))
    specs += [ItemSpec(kind=m.AssessmentItem.Kind.QUESTION, slug=q.slug) for q in chosen if q.slug in live]
    if not specs:
        raise AssessmentError("No questions fit that level and time budget.")
    set_items(version, specs, user)
    update_settings(version, user, time_limit_minutes=minutes, instructions=version.instructions)
    return specs


def near_identical_flags(version: m.AssessmentVersion, threshold: float = 0.9) -> dict[int, list[str]]:
    """Answers that are near-identical to another candidate's answer or to the reference answer.

    Returns {answer id: [reasons]}. Uses word 5-gram overlap (containment), which catches copied
    and lightly edited text without loading a model.
    """
    answers = list(
        m.Answer.objects.filter(
            attempt__invitation__version=version, attempt__submitted_at__isnull=False
        ).select_related("item__question_version", "attempt__invitation__candidate")
    )
    flags: dict[int, list[str]] = {}
    by_item: dict[int, list[m.Answer]] = {}
    for answer in answers:
        if len(answer.content.split()) >= 12:
            by_item.setdefault(answer.item_id, []).append(answer)
    for item_answers in by_item.values():
        for i, a in enumerate(item_answers):
            reference = ""
            if a.item.question_version is not None:
                reference = a.item.question_version.data.get("reference_answer", "")
            if reference and _containment(a.content, reference) >= threshold:
                flags.setdefault(a.pk, []).append("near-identical to the reference answer")
            for b in item_answers[i + 1 :]:
                if (
                    _containment(a.content, b.content) >= threshold
                    or _containment(b.content, a.content) >= threshold
                ):
                    alias_a = a.attempt.invitation.candidate.alias
                    alias_b = b.attempt.invitation.candidate.alias
                    flags.setdefault(a.pk, []).append(f"near-identical to {alias_b}'s answer")
                    flags.setdefault(b.pk, []).append(f"near-identical to {alias_a}'s answer")
    return flags


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    import re

    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def _containment(a: str, b: str) -> float:
    """Share of a's 5-word sequences that also occur in b."""
    left, right = _shingles(a), _shingles(b)
    return len(left & right) / len(left) if left else 0.0
