"""Rules of live interviews: independent scoring, the debrief, and panel calibration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from mlinterview import charts
from mlinterview.web.accounts.roles import MANAGE, REVIEW
from mlinterview.web.accounts.teams import home_team, teams_led_by
from mlinterview.web.assessments.models import Candidate
from mlinterview.web.interviews import models as m
from mlinterview.web.interviews.candidates import linkable_candidates, questions_met
from mlinterview.web.questions.models import Question

DISAGREEMENT = 2  # ratings this far apart on one question are flagged for discussion


class InterviewError(Exception):
    pass


def create_interview(
    candidate_name: str,
    *,
    level: str,
    minutes: int,
    panel: list[Any],
    user: Any,
    seed: int | None = None,
    candidate: Candidate | None = None,
    include_sets: tuple[str, ...] = (),
    exclude_tags: tuple[str, ...] = (),
) -> m.Interview:
    """An interview with its kit, drawn with ``seed`` or, when None, a fresh random seed (kept on
    the interview). ``candidate`` links the candidate's record, which must be one the user may
    link (``candidates.linkable_candidates``); the kit then leaves out every question the
    candidate already met in an assessment, and ``Interview.left_out`` says how many."""
    from mlinterview.bank import load_bank
    from mlinterview.kits import build_kit

    if candidate is not None:
        if not linkable_candidates(user).filter(pk=candidate.pk).exists():
            raise InterviewError("That candidate is not among your team's assessments.")
        candidate_name = candidate_name.strip() or candidate.name
    if not candidate_name.strip():
        raise InterviewError("Give the candidate's name.")
    if not panel:
        raise InterviewError("Choose at least one interviewer for the panel.")
    met = frozenset(questions_met(candidate, team=home_team(user), user=user))
    # Questions retired (gone from the content, or leaked: assessments/services/exposure.py) are
    # never drawn; only those the candidate met count as left out.
    retired = frozenset(Question.objects.filter(retired=True).values_list("slug", flat=True))
    try:
        kit = build_kit(
            load_bank(),
            level=level,
            minutes=minutes,
            seed=seed,
            include_sets=include_sets,
            exclude_tags=exclude_tags,
            exclude_questions=met | retired,
        )
    except ValueError as exc:
        raise InterviewError(str(exc)) from None
    versions = {
        q.slug: q.current_version
        for q in Question.objects.filter(slug__in=[k.slug for k in kit.questions]).select_related(
            "current_version"
        )
    }
    with transaction.atomic():
        interview = m.Interview.objects.create(
            candidate_name=candidate_name.strip()[:200],
            candidate=candidate,
            level=kit.level.value,
            minutes=minutes,
            seed=kit.seed,
            left_out=len([slug for slug in kit.left_out if slug in met]),
            created_by=user,
            team=home_team(user),
        )
        for position, question in enumerate(kit.questions):
            version = versions.get(question.slug)
            if version is not None:
                m.InterviewQuestion.objects.create(
                    interview=interview, question_version=version, position=position
                )
        interview.panel.set(panel)
    return interview


class AlreadyMet(InterviewError):
    """Adding a question the linked candidate already met in an assessment, without confirming."""


def add_question(
    interview: m.Interview, slug: str, user: Any, *, even_if_met: bool = False
) -> m.InterviewQuestion:
    """Add a bank question to the end of the kit by hand. A question the candidate already met in
    an assessment raises ``AlreadyMet`` (a warning naming the assessment) unless ``even_if_met``."""
    question = Question.objects.filter(slug=slug, retired=False).select_related("current_version").first()
    if question is None or question.current_version is None:
        raise InterviewError("There is no such question in the bank.")
    with transaction.atomic():
        locked = m.Interview.objects.select_for_update().get(pk=interview.pk)
        if locked.scorecards.filter(submitted_at__isnull=False).exists():
            raise InterviewError("A scorecard is already submitted; the kit can no longer change.")
        if locked.items.filter(question_version__question=question).exists():
            raise InterviewError(f"“{question.title}” is already in this interview.")
        met = questions_met(locked.candidate, team=locked.team, user=user).get(question.slug)
        if met is not None and not even_if_met:
            raise AlreadyMet(
                f"{locked.candidate_name} already met “{met.title}” in the assessment “{met.assessment}”."
            )
        last = locked.items.order_by("-position").first()
        return m.InterviewQuestion.objects.create(
            interview=locked,
            question_version=question.current_version,
            position=last.position + 1 if last is not None else 0,
        )


def scorecard_for(interview: m.Interview, user: Any) -> m.Scorecard:
    if not interview.panel.filter(pk=user.pk).exists():
        raise InterviewError("You are not on this interview's panel.")
    scorecard, _ = m.Scorecard.objects.get_or_create(interview=interview, interviewer=user)
    for item in interview.items.all():
        m.Rating.objects.get_or_create(scorecard=scorecard, item=item)
    return scorecard


def save_ratings(scorecard: m.Scorecard, values: dict[int, tuple[int | None, str]]) -> None:
    """Save draft ratings and notes: {item id: (rating 1-4 or None, notes)}."""
    if scorecard.submitted_at is not None:
        raise InterviewError("This scorecard is submitted; it can no longer change.")
    for rating in scorecard.ratings.all():
        if rating.item_id in values:
            value, notes = values[rating.item_id]
            if value is not None and value not in (1, 2, 3, 4):
                raise InterviewError("Ratings go from 1 to 4.")
            rating.value, rating.notes = value, notes[:5000]
            rating.save(update_fields=["value", "notes"])


def save_draft(
    scorecard: m.Scorecard,
    values: dict[int, tuple[int | None, str]],
    recommendation: str,
    reason: str,
) -> None:
    """Keep everything the interviewer typed: ratings, notes, the overall recommendation (which
    may still be empty) and its reason. Nothing is checked for completeness: that is submit's."""
    if recommendation and recommendation not in m.Scorecard.Recommendation.values:
        raise InterviewError("Choose one of the listed recommendations.")
    with transaction.atomic():
        save_ratings(scorecard, values)
        scorecard.recommendation = recommendation
        scorecard.reason = reason[:5000]
        scorecard.save(update_fields=["recommendation", "reason", "updated_at"])


class IncompleteScorecard(InterviewError):
    """A submit refused because fields are missing; ``missing`` names each, in page order."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(f"Not submitted yet: still missing {'; '.join(missing)}.")


def missing_for_submit(scorecard: m.Scorecard) -> list[str]:
    missing = [
        f"a rating for question {r.item.position + 1}"
        for r in scorecard.ratings.select_related("item").order_by("item__position")
        if r.value is None
    ]
    if scorecard.recommendation not in m.Scorecard.Recommendation.values:
        missing.append("an overall recommendation")
    if not scorecard.reason.strip():
        missing.append("the reason for your recommendation")
    return missing


def submit_scorecard(scorecard: m.Scorecard, recommendation: str, reason: str) -> None:
    """Submit the scorecard. What is typed is saved as the draft first, so a refused submit
    (raising ``IncompleteScorecard`` naming every missing field) loses nothing."""
    if scorecard.submitted_at is not None:
        raise InterviewError("This scorecard is already submitted.")
    save_draft(scorecard, {}, recommendation, reason)
    missing = missing_for_submit(scorecard)
    if missing:
        raise IncompleteScorecard(missing)
    scorecard.reason = scorecard.reason.strip()
    scorecard.submitted_at = timezone.now()
    scorecard.save(update_fields=["reason", "submitted_at"])


def may_see_panel(interview: m.Interview, user: Any) -> bool:
    """Panel members see the others' ratings only once their own scorecard is submitted."""
    if interview.panel.filter(pk=user.pk).exists():
        return m.Scorecard.objects.filter(
            interview=interview, interviewer=user, submitted_at__isnull=False
        ).exists()
    everyone_done = not interview.panel.exclude(
        pk__in=m.Scorecard.objects.filter(interview=interview, submitted_at__isnull=False).values(
            "interviewer"
        )
    ).exists()
    return user.has_perm(REVIEW) and everyone_done


@dataclass
class DebriefRow:
    item: m.InterviewQuestion
    ratings: list[tuple[str, int | None, str]]  # interviewer, rating, notes
    spread: int
    flagged: bool


def debrief(interview: m.Interview) -> list[DebriefRow]:
    cards = list(interview.scorecards.filter(submitted_at__isnull=False).select_related("interviewer"))
    rows = []
    for item in interview.items.select_related("question_version"):
        ratings = []
        for card in cards:
            rating = card.ratings.filter(item=item).first()
            ratings.append(
                (str(card.interviewer), rating.value if rating else None, rating.notes if rating else "")
            )
        values = [v for _, v, _ in ratings if v is not None]
        spread = max(values) - min(values) if values else 0
        rows.append(DebriefRow(item=item, ratings=ratings, spread=spread, flagged=spread >= DISAGREEMENT))
    return rows


def advisory_score(rating: m.Rating, answer_text: str) -> dict[str, Any]:
    """The primary text grader's advisory view of an answer the interviewer pasted in.

    Kept as the grader's evidence (the scorer's 0-5 result) with the grader's name and version,
    and ``value``: the grade on the product's 0..1 scale (docs/decisions.md, "One score scale").
    """
    from mlinterview.web.assessments import grading

    if not answer_text.strip():
        raise InterviewError("Paste the candidate's answer first.")
    request = grading.text_request(rating.item.question_version.data, answer_text[:20000])
    grade = grading.grade_request(request)
    result = {**grade.signed_evidence(), "value": grade.value}
    rating.advisory = result
    rating.save(update_fields=["advisory"])
    return result


@dataclass(frozen=True)
class AdvisoryScale:
    """An advisory score as the interviewer reads it: a percentage like every automatic score in
    the product, and where that falls on the question's 1-4 anchors (1 = 0 %, 4 = 100 %, the
    inverse of the mapping of ratings onto the product scale)."""

    fraction: float
    percent: int
    on_anchors: float


def advisory_scale(advisory: dict[str, Any]) -> AdvisoryScale | None:
    if advisory.get("value") is not None:
        fraction = float(advisory["value"])
    elif advisory.get("score") is not None:  # kept before the value was stored: score of 0-5
        from mlinterview.scoring.graders import MAX_BAND

        fraction = max(0.0, min(1.0, float(advisory["score"]) / MAX_BAND))
    else:
        return None
    return AdvisoryScale(fraction=fraction, percent=round(100 * fraction), on_anchors=1 + 3 * fraction)


@dataclass
class Calibration:
    leniency: dict[str, float]  # mean (own rating - panel mean on the same question)
    counts: dict[str, int]
    alpha: float | None  # Krippendorff's alpha, ordinal, over all submitted ratings
    units: int
    chart_png: str  # base64


def may_see_calibration(user: Any) -> bool:
    """Calibration compares interviewers with each other: for those who manage assessments
    (recruiters and administrators) and the teams' hiring managers, not for the interviewers
    being compared. Which interviews it covers is the viewer's (``interviews_for``)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(user.has_perm(MANAGE) or teams_led_by(user).exists())


def fully_scored_interviews() -> QuerySet[m.Interview]:
    """Interviews with a panel in which every member has submitted a scorecard."""
    seats = m.Interview.panel.through.objects
    submitted = m.Scorecard.objects.filter(
        interview=OuterRef("interview"), interviewer=OuterRef("user"), submitted_at__isnull=False
    )
    waiting = seats.filter(interview=OuterRef("pk")).filter(~Exists(submitted))
    return m.Interview.objects.filter(Exists(seats.filter(interview=OuterRef("pk")))).exclude(Exists(waiting))


def calibration(interviews: QuerySet[m.Interview] | None = None) -> Calibration:
    """Leniency and agreement over interviews whose whole panel has submitted.

    An interview still being scored never enters the figures: a member's leniency there is a
    function of the others' ratings, so the figures would show them to whoever has not yet
    committed their own.
    """
    import krippendorff
    import numpy as np

    scored = fully_scored_interviews()
    if interviews is not None:  # only those the viewer may open (interviews/access.py)
        scored = scored.filter(pk__in=interviews.values("pk"))
    ratings = list(
        m.Rating.objects.filter(
            scorecard__interview__in=scored,
            scorecard__submitted_at__isnull=False,
            value__isnull=False,
        ).select_related("scorecard__interviewer")
    )
    by_item: dict[int, list[m.Rating]] = {}
    for rating in ratings:
        by_item.setdefault(rating.item_id, []).append(rating)
    offsets: dict[str, list[float]] = {}
    for group in by_item.values():
        if len(group) < 2:
            continue
        mean = sum(r.value for r in group) / len(group)  # type: ignore[misc]
        for r in group:
            offsets.setdefault(str(r.scorecard.interviewer), []).append(float(r.value) - mean)  # type: ignore[arg-type]
    leniency = {name: sum(v) / len(v) for name, v in sorted(offsets.items())}
    coders = sorted({str(r.scorecard.interviewer) for r in ratings})
    units = [k for k, group in by_item.items() if len(group) >= 2]
    alpha = None
    if len(coders) >= 2 and len(units) >= 2:
        matrix = np.full((len(coders), len(units)), np.nan)
        for j, unit in enumerate(units):
            for r in by_item[unit]:
                matrix[coders.index(str(r.scorecard.interviewer)), j] = r.value
        values = matrix[~np.isnan(matrix)]
        if len(set(values.tolist())) > 1:
            alpha = float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="ordinal"))
    return Calibration(
        leniency=leniency,
        counts={k: len(v) for k, v in offsets.items()},
        alpha=alpha,
        units=len(units),
        chart_png=_leniency_chart(leniency),
    )


def _leniency_chart(leniency: dict[str, float]) -> str:
    names = list(leniency) or ["(no shared ratings yet)"]
    values = list(leniency.values()) or [0.0]

    def draw(axis: Any) -> None:
        axis.barh(names, values, color=["#b3541e" if v > 0 else "#1f5fbf" for v in values])
        axis.axvline(0, color="#333", linewidth=0.8)
        axis.set_xlim(-2, 2)
        axis.set_xlabel("mean rating minus panel mean (points on the 1-4 scale)")
        axis.invert_yaxis()

    return charts.png_base64(draw, size=(6, 0.5 * len(names) + 1.2))
