"""Building assessments: the assessment, its versions (a published one is frozen; editing starts
a new draft) and the items of a draft."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from mlinterview.web.accounts.models import Team
from mlinterview.web.accounts.teams import home_team, sees_all_teams, teams_managed_by
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.exercises import exercise_fingerprint
from mlinterview.web.questions.models import Question, QuestionVersion


@dataclass(frozen=True)
class ItemSpec:
    kind: str  # "question" or "exercise"
    slug: str
    weight: float = 1.0


def create_assessment(
    title: str, user: Any, time_limit_minutes: int = 45, team: Team | None = None
) -> m.Assessment:
    """A new assessment with an empty draft, owned by ``user`` and belonging to ``team`` (by
    default the user's own team, see ``accounts.teams.home_team``)."""
    title = title.strip()
    if not title:
        raise AssessmentError("Give the assessment a title.")
    if not 5 <= time_limit_minutes <= 480:
        raise AssessmentError("The time limit must be between 5 and 480 minutes.")
    if team is not None and not (sees_all_teams(user) or teams_managed_by(user).filter(pk=team.pk).exists()):
        raise AssessmentError(f"You do not recruit for the team {team}.")
    with transaction.atomic():
        assessment = m.Assessment.objects.create(
            title=title[:200], created_by=user, owner=user, team=team or home_team(user)
        )
        m.AssessmentVersion.objects.create(
            assessment=assessment, number=1, time_limit_minutes=time_limit_minutes
        )
        audit(user, "assessment.create", assessment, title=assessment.title)
    return assessment


def assign_reviewers(assessment: m.Assessment, reviewers: Iterable[Any], user: Any) -> None:
    """Set who reviews this assessment's attempts: an interviewer sees only the assessments (and
    their attempts) they are assigned to."""
    chosen = list(reviewers)
    with transaction.atomic():
        assessment.reviewers.set(chosen)
        audit(user, "assessment.reviewers", assessment, reviewers=sorted(r.pk for r in chosen))


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
        # Items retired as leaked since (services/exposure.py) leave the new draft.
        retired = set(m.RetiredExercise.objects.values_list("slug", flat=True))
        kept = [
            item
            for item in latest.items.select_related("question_version__question")
            if not (item.question_version is not None and item.question_version.question.retired)
            and item.exercise_slug not in retired
        ]
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
            for item in kept
        )
        audit(user, "assessment.new_version", draft, number=draft.number)
        return draft


def _require_draft(version: m.AssessmentVersion) -> None:
    if version.is_published:
        raise AssessmentError("A published version cannot be changed; edit to start a new version.")


def set_items(version: m.AssessmentVersion, specs: Sequence[ItemSpec], user: Any) -> None:
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
            if m.RetiredExercise.objects.filter(slug=spec.slug).exists():
                raise AssessmentError(f"The exercise {spec.slug} was retired as leaked.")
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


# --- builder operations on a draft ------------------------------------------------------


def current_specs(version: m.AssessmentVersion) -> list[ItemSpec]:
    return [ItemSpec(kind=i.kind, slug=i.slug, weight=i.weight) for i in version.items.all()]


def _change_items(
    version: m.AssessmentVersion, change: Callable[[list[ItemSpec]], list[ItemSpec]], user: Any
) -> None:
    """Read the draft's items, change them and write them back as one step: the version row is
    locked first, so two requests arriving at once (two quick clicks on "Add") queue instead of
    each writing back what it read and losing the other's change."""
    with transaction.atomic():
        locked = m.AssessmentVersion.objects.select_for_update().get(pk=version.pk)
        set_items(locked, change(current_specs(locked)), user)


def add_item(version: m.AssessmentVersion, spec: ItemSpec, user: Any) -> None:
    _change_items(version, lambda specs: [*specs, spec], user)


def remove_item(version: m.AssessmentVersion, position: int, user: Any) -> None:
    def remove(specs: list[ItemSpec]) -> list[ItemSpec]:
        if not 0 <= position < len(specs):
            raise AssessmentError("No item at that position.")
        return specs[:position] + specs[position + 1 :]

    _change_items(version, remove, user)


def move_item(version: m.AssessmentVersion, position: int, offset: int, user: Any) -> None:
    def move(specs: list[ItemSpec]) -> list[ItemSpec]:
        target = position + offset
        if not (0 <= position < len(specs) and 0 <= target < len(specs)):
            raise AssessmentError("The item cannot move further.")
        specs[position], specs[target] = specs[target], specs[position]
        return specs

    _change_items(version, move, user)


def question_versions_for(slugs: Iterable[str]) -> dict[str, QuestionVersion]:
    rows = Question.objects.filter(slug__in=list(slugs)).select_related("current_version")
    return {row.slug: row.current_version for row in rows if row.current_version is not None}
