"""The pool's rules: who may join, consent, the profile's fields, withdrawal, the verified skill
levels (recomputed whenever a review is committed) and staff revealing a profile's name.
Views only call these."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from mlinterview.web.accounts import roles
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.pool import levels, skills
from mlinterview.web.pool.models import Profile, ProfileSource, SkillLevel

CONSENT_VERSION = "2026-12"
_CONSENT = (
    "I want a profile in this organisation's talent pool. I understand that: "
    "(1) what is shown is my first name and the initial of my family name, my headline, years of "
    "experience, location and time zone, availability and links, and verified skill levels worked "
    "out from the reviewed scores of my assessments (how many questions and exercises back each, "
    "and when); "
    "(2) it is shown to the organisation's recruiters and administrators only; my full name and "
    "e-mail address are shown to one of them only when they reveal my profile and say why, which "
    "is recorded; "
    "(3) it is kept until I withdraw, and a skill level is marked out of date {days} days after it "
    "was verified; "
    "(4) I can withdraw at any time from my profile page, which deletes the profile at once."
)
MAX_LINKS = 5


class PoolError(Exception):
    """A request the pool refuses, with a message for the person who made it."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def valid_days() -> int:
    return int(getattr(settings, "MLINTERVIEW_POOL_LEVEL_VALID_DAYS", levels.DEFAULT_VALID_DAYS))


def consent_text() -> str:
    """What the candidate agrees to, as shown on the form and stored with the profile."""
    return _CONSENT.format(days=valid_days())


def may_browse(user: Any) -> bool:
    """Staff who may open pool profiles: those who build assessments and invite (recruiters and
    administrators). The pool is the organisation's, not one team's."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(roles.MANAGE))


# --- who may join ---------------------------------------------------------------------------


def _candidates(email: str) -> Any:
    return m.Candidate.objects.filter(email__iexact=normalise_email(email), anonymised_at__isnull=True)


def _finished_invitations(email: str) -> Any:
    return m.Invitation.objects.filter(
        candidate__in=_candidates(email), attempt__submitted_at__isnull=False
    ).order_by("pk")


def _interviewed(email: str) -> bool:
    # The interviews app stands beside this one (.importlinter): its model is looked up, not imported.
    scorecard = apps.get_model("interviews", "Scorecard")
    return scorecard.objects.filter(
        interview__candidate__in=_candidates(email), submitted_at__isnull=False
    ).exists()


def eligible(email: str) -> bool:
    """Whether this address belongs to someone who submitted an assessment or sat an interview
    (a panel member submitted their scorecard), whose personal data is still kept."""
    return _finished_invitations(email).exists() or _interviewed(email)


# --- the profile ----------------------------------------------------------------------------


@dataclass
class ProfileInput:
    headline: str = ""
    years_experience: int | None = None
    location: str = ""
    time_zone: str = ""
    availability: str = Profile.Availability.WEEKS
    links: list[str] = field(default_factory=list)


def clean_input(data: ProfileInput) -> ProfileInput:
    """The fields checked and tidied; raises PoolError saying what is wrong."""
    if data.availability not in Profile.Availability.values:
        raise PoolError("Choose your availability from the list.")
    if data.years_experience is not None and not 0 <= data.years_experience <= 60:
        raise PoolError("Years of experience must be between 0 and 60.")
    links = [link.strip() for link in data.links if link.strip()]
    if len(links) > MAX_LINKS:
        raise PoolError(f"At most {MAX_LINKS} links.")
    check = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            check(link)
        except ValidationError:
            raise PoolError(
                f"{link!r} is not a web address (it must start with https:// or http://)."
            ) from None
    return ProfileInput(
        headline=data.headline.strip()[:200],
        years_experience=data.years_experience,
        location=data.location.strip()[:120],
        time_zone=data.time_zone.strip()[:60],
        availability=data.availability,
        links=links,
    )


def profile_of(email: str) -> Profile | None:
    return Profile.objects.filter(email=normalise_email(email)).first()


def opt_in(email: str, consent: bool, data: ProfileInput) -> Profile:
    """Create the profile of a candidate who gave their explicit consent, and work out its levels."""
    email = normalise_email(email)
    if not consent:
        raise PoolError("Tick the box to say you agree; without your consent no profile is made.")
    if profile_of(email) is not None:
        raise PoolError("You already have a profile.")
    if not eligible(email):
        raise PoolError("A profile needs a submitted assessment or an interview first.")
    data = clean_input(data)
    candidate = _candidates(email).order_by("-created_at", "-pk").first()
    name = (candidate.name if candidate else "").split()
    with transaction.atomic():
        profile = Profile.objects.create(
            email=email,
            first_name=name[0][:100] if name else "Candidate",
            last_name=" ".join(name[1:])[:100],
            consent_version=CONSENT_VERSION,
            consent_text=consent_text(),
            consented_at=timezone.now(),
            **data.__dict__,
        )
        audit(None, "pool.opt_in", profile, consent_version=CONSENT_VERSION)
        recompute(profile)
    return profile


def update(profile: Profile, data: ProfileInput) -> Profile:
    data = clean_input(data)
    for name, value in data.__dict__.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def withdraw(profile: Profile) -> None:
    """Withdrawal of consent: the profile, its levels and its sources are deleted at once."""
    with transaction.atomic():
        audit(None, "pool.withdraw", profile)
        profile.delete()


def forget_invitations(sender: Any = None, invitation_ids: list[int] | None = None, **kwargs: Any) -> None:
    """personal_data_deleted: the profiles those invitations back are deleted."""
    ids = list(invitation_ids or [])
    if ids:
        Profile.objects.filter(sources__invitation_id__in=ids).delete()


# --- verified skill levels ------------------------------------------------------------------


@dataclass
class _Tally:
    values: list[float] = field(default_factory=list)
    questions: int = 0
    exercises: int = 0
    newest: datetime | None = None
    attempts: set[int] = field(default_factory=set)


def reviewed_value(score: m.Score | None, commits: list[datetime]) -> tuple[float, datetime] | None:
    """(value, when a human stood behind it) of a primary score, or None if no human reviewed it.

    Counted: the newest override, in an attempt whose review someone committed; or the automatic
    value, if a review of the attempt was committed after the score was made (committing confirms
    the scores as they stood). An automatic score made after every commit, or in an attempt with
    no committed review, does not count.
    """
    if score is None or not commits:
        return None
    overrides = list(score.overrides.all())
    if overrides:
        newest = max(overrides, key=lambda o: (o.created_at, o.pk))
        return newest.value, max(newest.created_at, max(commits))
    if score.status != m.Score.Status.DONE or score.auto_value is None or score.scored_at is None:
        return None
    confirming = [at for at in commits if at >= score.scored_at]
    if not confirming:
        return None
    return score.auto_value, max(confirming)


def recompute(profile: Profile) -> list[SkillLevel]:
    """Work the profile's levels out again from the reviewed scores of all the person's submitted
    attempts (levels.py says how), replacing the stored ones."""
    invitations = list(_finished_invitations(profile.email).values_list("pk", flat=True))
    attempts = m.Attempt.objects.filter(invitation_id__in=invitations).prefetch_related(
        "review_commits",
        "answers__scores__overrides",
        "answers__item__question_version__question",
    )
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for attempt in attempts:
        commits = [c.committed_at for c in attempt.review_commits.all()]
        for answer in attempt.answers.all():
            reviewed = reviewed_value(answer.score, commits)
            if reviewed is None:
                continue
            value, when = reviewed
            is_exercise = answer.item.kind == m.AssessmentItem.Kind.EXERCISE
            for skill in skills.item_skills(answer.item):
                tally = tallies[skill]
                tally.values.append(min(1.0, max(0.0, value)))
                tally.exercises += is_exercise
                tally.questions += not is_exercise
                tally.newest = when if tally.newest is None else max(tally.newest, when)
                tally.attempts.add(attempt.pk)
    with transaction.atomic():
        for invitation_id in invitations:
            ProfileSource.objects.get_or_create(profile=profile, invitation_id=invitation_id)
        profile.skill_levels.exclude(skill__in=list(tallies)).delete()
        rows = []
        for skill, tally in sorted(tallies.items()):
            mean = levels.mean(tally.values)
            assert mean is not None and tally.newest is not None
            row, _ = SkillLevel.objects.update_or_create(
                profile=profile,
                skill=skill,
                defaults={
                    "level": levels.level_of(mean),
                    "mean_score": mean,
                    "questions": tally.questions,
                    "exercises": tally.exercises,
                    "verified_at": tally.newest,
                    "attempt_ids": sorted(tally.attempts),
                },
            )
            rows.append(row)
        profile.levels_computed_at = timezone.now()
        profile.save(update_fields=["levels_computed_at"])
        _announce(profile, rows)
    return rows


def _announce(profile: Profile, rows: list[SkillLevel]) -> None:
    """The outgoing webhook ``profile.verified``: the profile's id and levels (no name, no
    address), once per distinct set of levels (the dedup key), so recomputing unchanged levels
    sends nothing."""
    if not rows:
        return
    from mlinterview.web.webhooks.services import emit

    levels_now = {row.skill: row.level for row in rows}
    newest = max(row.verified_at for row in rows)
    fingerprint = hashlib.sha256(f"{newest.isoformat()} {sorted(levels_now.items())}".encode()).hexdigest()
    emit(
        "profile.verified",
        {"profile_id": profile.pk, "levels": levels_now, "verified_at": newest.isoformat()},
        dedup_key=f"profile.verified:{profile.pk}:{fingerprint}",
    )


def on_commit_saved(
    sender: Any = None, instance: m.ReviewCommit | None = None, created: bool = False, **kwargs: Any
) -> None:
    """A review was committed: the levels of the attempt's candidate may change."""
    if created and instance is not None:
        on_review_committed(attempt_id=instance.attempt_id)


def on_review_committed(sender: Any = None, attempt_id: int | None = None, **kwargs: Any) -> None:
    """Recompute the profile of the attempt's candidate, if they have one."""
    email = (
        m.Attempt.objects.filter(pk=attempt_id).values_list("invitation__candidate__email", flat=True).first()
    )
    profile = profile_of(email) if email else None
    if profile is not None:
        recompute(profile)


def on_override(
    sender: Any = None, instance: m.Override | None = None, created: bool = False, **kwargs: Any
) -> None:
    """An override saved in an attempt whose review was committed changes a reviewed score."""
    if created and instance is not None:
        attempt_id = (
            m.Answer.objects.filter(scores=instance.score_id).values_list("attempt_id", flat=True).first()
        )
        if m.ReviewCommit.objects.filter(attempt_id=attempt_id).exists():
            on_review_committed(attempt_id=attempt_id)


@dataclass
class ShownLevel:
    skill: str
    name: str
    level: int
    described: str
    percent: int
    questions: int
    exercises: int
    verified_at: datetime
    stale_after: datetime
    stale: bool
    row: SkillLevel
    evidence: list[tuple[int, str]] = field(default_factory=list)  # (attempt id, review page), staff only


def shown_levels(profile: Profile, now: datetime | None = None) -> list[ShownLevel]:
    """The profile's levels in the role profile's order, each with its expiry and whether it is stale."""
    now = now or timezone.now()
    names = skills.core_skills()
    order = {slug: n for n, slug in enumerate(names)}
    days = timedelta(days=valid_days())
    shown = [
        ShownLevel(
            skill=row.skill,
            name=names.get(row.skill, row.skill),
            level=row.level,
            described=levels.describe(row.level),
            percent=round(row.mean_score * 100),
            questions=row.questions,
            exercises=row.exercises,
            verified_at=row.verified_at,
            stale_after=row.verified_at + days,
            stale=now > row.verified_at + days,
            row=row,
        )
        for row in profile.skill_levels.all()
    ]
    return sorted(shown, key=lambda s: order.get(s.skill, len(order)))


def backing_assessments(profile: Profile) -> list[str]:
    """The titles of the assessments whose reviewed scores back the profile (for the candidate)."""
    ids = {pk for row in profile.skill_levels.all() for pk in row.attempt_ids}
    titles = m.Attempt.objects.filter(pk__in=ids).values_list(
        "invitation__version__assessment__title", flat=True
    )
    return sorted(set(titles))


# --- staff ----------------------------------------------------------------------------------

REVEAL = "pool.reveal"


def revealed_to(profile: Profile, user: Any) -> bool:
    return m.AuditEvent.objects.filter(action=REVEAL, actor=user, target=f"profile:{profile.pk}").exists()


def reveal(profile: Profile, user: Any, reason: str) -> None:
    """Show the profile's full name and e-mail to this staff member, for a reason kept in the audit trail."""
    reason = reason.strip()
    if not reason:
        raise PoolError("Say why you need the candidate's name; the reason is kept in the audit trail.")
    audit(user, REVEAL, profile, reason=reason[:2000])


def add_evidence(levels_shown: list[ShownLevel]) -> None:
    """Give each level the review pages of the attempts behind it (for staff; those pages apply
    their own access rules)."""
    from django.urls import reverse

    ids = {pk for level in levels_shown for pk in level.row.attempt_ids}
    rows = m.Attempt.objects.filter(pk__in=ids).values_list("pk", "invitation__version__assessment_id")
    urls = {pk: reverse("attempt-review", args=[assessment, pk]) for pk, assessment in rows}
    for level in levels_shown:
        level.evidence = [(pk, urls[pk]) for pk in level.row.attempt_ids if pk in urls]
