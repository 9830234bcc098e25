"""Scores record their grader, and a second grader's score of an answer is stored beside the primary one.

The graders here are fakes registered in a fresh process registry: they give a fixed value, on
purpose. Under test is what the web app does with a grader's result (which row it lands on, what
it records, what ranks, what an override replaces and what the pages show), not grading itself
(tests/scoring and tests/exercises test the real graders). Decisions, section 4: the primary
grader's score ranks and makes the total; any other is a second opinion that never ranks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from mlinterview.scoring import graders
from mlinterview.scoring.graders import Grade, GradeRequest
from mlinterview.web.api.models import ApiToken
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.attempts import GRADED_BY, score_at, submitted_attempt

pytestmark = pytest.mark.django_db

SECOND = "fake-second"


@dataclass
class FakeGrader:
    """A grader that gives every answer ``value`` (a test double: it grades nothing)."""

    name: str
    version: str = "fake-1"
    value: float = 0.5
    kinds: frozenset[str] = field(default_factory=lambda: frozenset({graders.TEXT, graders.CODE}))

    def grade(self, request: GradeRequest) -> Grade:
        return Grade(
            value=self.value,
            evidence={"feedback": f"{self.name} says so"},
            grader=self.name,
            version=self.version,
        )


@pytest.fixture
def registry(monkeypatch) -> graders.Registry:
    """A fresh process registry (the local text grader as primary), so registrations do not leak."""
    fresh = graders.default_registry()
    monkeypatch.setattr(graders, "registry", fresh)
    return fresh


def _second_opinions(attempt: m.Attempt, grader: FakeGrader) -> list[m.Score]:
    """A second-opinion row from ``grader`` on every answer, graded by the worker's real code."""
    rows = []
    for answer in attempt.answers.all():
        row = m.Score.objects.create(answer=answer, grader=grader.name, primary=False)
        assert services.run_scoring(row.pk) == "done"
        row.refresh_from_db()
        rows.append(row)
    return rows


def _ranking(version: m.AssessmentVersion) -> list[tuple[int, float | None]]:
    return [(row.attempt.pk, row.total) for row in services.shortlist(version)]


def test_a_second_opinion_is_stored_beside_the_primary_and_changes_no_total_or_rank(
    client, registry, published, recruiter, interviewer
):
    best = submitted_attempt(published, recruiter, "Best", "best@example.com", [1.0, 0.8, 0.9])
    middle = submitted_attempt(published, recruiter, "Middle", "middle@example.com", [0.5, 0.5, 0.2])
    before = _ranking(published)
    assert [pk for pk, _ in before] == [best.pk, middle.pk]

    second = FakeGrader(SECOND)
    registry.register(second)  # not primary: a second opinion
    second.value = 0.0
    low = _second_opinions(best, second)
    second.value = 1.0
    high = _second_opinions(middle, second)
    for row in low + high:
        assert (row.grader, row.grader_version, row.primary) == (SECOND, "fake-1", False)
        assert row.status == m.Score.Status.DONE and row.evidence == {"feedback": "fake-second says so"}
    assert {row.auto_value for row in low} == {0.0} and {row.auto_value for row in high} == {1.0}

    # The second opinions would reverse the order; they are stored, and change nothing.
    assert _ranking(published) == before
    answer = best.answers.prefetch_related("scores").first()
    assert answer.scores.count() == 2 and answer.score.grader == "local-text" and answer.score.value == 1.0
    assert [o.grader for o in answer.second_opinions] == [SECOND]

    # The API and the review page show both, each with the grader that produced it.
    _, key = ApiToken.issue(interviewer, "second opinions")
    body = Client().get(f"/api/attempts/{best.pk}", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    first = body["answers"][0]
    assert (first["score"]["grader"], first["score"]["grader_version"], first["score"]["value"]) == (
        "local-text",
        GRADED_BY,
        1.0,
    )
    assert [
        (o["grader"], o["grader_version"], o["primary"], o["value"]) for o in first["second_opinions"]
    ] == [(SECOND, "fake-1", False, 0.0)]
    client.force_login(interviewer)
    page = client.get(f"/assessments/{published.assessment.pk}/attempts/{best.pk}/").content.decode()
    assert page.count(f"Grader: local-text {GRADED_BY}") == 3
    assert page.count("Second opinion (fake-second fake-1, not ranked): 0%") == 3


def test_an_override_replaces_the_primary_value_and_a_second_opinion_cannot_be_overridden(
    registry, published, recruiter
):
    attempt = submitted_attempt(published, recruiter, "Ola", "ola@example.com", [0.9, 0.6, 0.3])
    second = FakeGrader(SECOND, value=1.0)
    registry.register(second)
    opinions = _second_opinions(attempt, second)
    primary = score_at(attempt, 0)

    services.override_score(primary, recruiter, 0.0, "The answer is copied from the reference")
    (row,) = services.shortlist(published)
    assert row.total == pytest.approx((0.0 + 0.6 + 0.3) / 3) and row.overridden == 1  # 0.3
    answer = attempt.answers.prefetch_related("scores").get(pk=primary.answer_id)
    assert answer.score.value == 0.0 and answer.score.auto_value == 0.9
    assert answer.second_opinions[0].value == 1.0  # kept as it was, still not ranked

    with pytest.raises(services.AssessmentError, match="Only the primary score can be changed"):
        services.override_score(opinions[1], recruiter, 0.0, "Trying the second opinion")
    assert not m.Override.objects.filter(score=opinions[1]).exists()
    (row,) = services.shortlist(published)
    assert row.total == pytest.approx(0.3)


def test_run_scoring_records_the_grader_and_version_that_graded(registry, invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    registry.register(FakeGrader("fake-primary", version="fake-7", value=0.25), primary=True)
    services.submit(attempt)
    rows = list(m.Score.objects.filter(answer__attempt=attempt))
    # Created at submission for the primary grader of the moment, before it has graded.
    assert {(r.grader, r.grader_version, r.primary) for r in rows} == {("fake-primary", "", True)}
    assert services.run_scoring(rows[0].pk) == "done"
    rows[0].refresh_from_db()
    assert (rows[0].grader, rows[0].grader_version, rows[0].auto_value) == ("fake-primary", "fake-7", 0.25)


def test_a_primary_changed_after_submission_is_recorded_as_what_graded(registry, invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    services.submit(attempt)
    first, second, third = m.Score.objects.filter(answer__attempt=attempt).order_by("pk")
    assert first.grader == "local-text"  # the primary for text answers at submission
    registry.unregister("local-text")
    registry.register(FakeGrader("fake-new", version="fake-2", value=0.75), primary=True)
    assert services.run_scoring(first.pk) == "done"
    first.refresh_from_db()
    assert (first.grader, first.grader_version, first.primary, first.auto_value) == (
        "fake-new",
        "fake-2",
        True,
        0.75,
    )

    # The new primary already gave a second opinion on this answer: its row is not overwritten,
    # and the primary row fails with a message saying why rather than breaking the constraint.
    m.Score.objects.create(answer_id=second.answer_id, grader="fake-new", primary=False)
    assert services.run_scoring(second.pk) == "failed"
    second.refresh_from_db()
    assert second.grader == "local-text" and second.status == m.Score.Status.PENDING
    assert "whose score of this answer is already stored" in second.error


def test_an_answer_has_one_score_per_grader_and_one_primary(registry, published, recruiter):
    attempt = submitted_attempt(published, recruiter, "Ida", "ida@example.com", [0.5, 0.5, 0.5])
    answer = attempt.answers.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        m.Score.objects.create(answer=answer, grader="local-text", primary=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        m.Score.objects.create(answer=answer, grader="another", primary=True)
    m.Score.objects.create(answer=answer, grader="another", primary=False)
    assert answer.scores.count() == 2


# --- existing installs -------------------------------------------------------------------------

BEFORE = [("assessments", "0004_task_paths")]
AFTER = [("assessments", "0005_score_graders")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_names_the_grader_of_existing_scores_and_keeps_them_primary():
    """A database at 0004 with a scored written answer, a pending code answer and an override
    migrates to 0005: every score is primary, named after its kind's grader, version unknown."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    model = old.get_model
    now = timezone.now()
    qset = model("questions", "QuestionSet").objects.create(slug="s", title="S", description="")
    question = model("questions", "Question").objects.create(
        slug="q", question_set=qset, title="Q", level="mid", tags=[], minutes=5
    )
    qversion = model("questions", "QuestionVersion").objects.create(
        question=question, number=1, content_hash="0" * 64, data={"title": "Q"}
    )
    rita = model("accounts", "User").objects.create(username="rita-old", password="!", is_staff=True)
    assessment = model("assessments", "Assessment").objects.create(title="Old", created_by=rita)
    version = model("assessments", "AssessmentVersion").objects.create(
        assessment=assessment, number=1, time_limit_minutes=30, published_at=now
    )
    written = model("assessments", "AssessmentItem").objects.create(
        version=version, position=0, kind="question", question_version=qversion, weight=1.0
    )
    code = model("assessments", "AssessmentItem").objects.create(
        version=version, position=1, kind="exercise", exercise_slug="roc-auc", weight=1.0
    )
    candidate = model("assessments", "Candidate").objects.create(name="Ola", email="ola@example.com")
    invitation = model("assessments", "Invitation").objects.create(
        version=version, candidate=candidate, token_hash="1" * 64, expires_at=now, submitted_at=now
    )
    attempt = model("assessments", "Attempt").objects.create(
        invitation=invitation, started_at=now, deadline=now, submitted_at=now
    )
    Score = model("assessments", "Score")
    scored = Score.objects.create(
        answer=model("assessments", "Answer").objects.create(attempt=attempt, item=written, content="a"),
        status="done",
        auto_value=0.6,
        evidence={"feedback": "ok"},
    )
    waiting = Score.objects.create(
        answer=model("assessments", "Answer").objects.create(attempt=attempt, item=code, content="b")
    )
    model("assessments", "Override").objects.create(score=scored, reviewer=rita, value=0.8, reason="why")

    MigrationExecutor(connection).migrate(AFTER)
    # Today's models (used below) have the columns of the later migrations too: go on to the latest.
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    MigrationExecutor(connection).migrate(latest)

    rows = {
        s.pk: (s.grader, s.grader_version, s.primary, s.status, s.auto_value, s.value)
        for s in m.Score.objects.all()
    }
    assert rows == {
        scored.pk: ("local-text", "unknown", True, "done", 0.6, 0.8),
        waiting.pk: ("local-judge", "unknown", True, "pending", None, None),
    }
    answers = m.Answer.objects.filter(attempt_id=attempt.pk).prefetch_related("scores").order_by("pk")
    assert [a.score.pk for a in answers] == [scored.pk, waiting.pk]  # still the score callers see
    (row,) = services.shortlist(m.AssessmentVersion.objects.get(pk=version.pk))
    assert row.pending == 1 and row.overridden == 1

    # Going back keeps the primary scores (the schema before holds one per answer), then forward again.
    m.Score.objects.create(answer_id=scored.answer_id, grader="another", primary=False)
    MigrationExecutor(connection).migrate(BEFORE)
    assert sorted(Score.objects.values_list("pk", flat=True)) == sorted([scored.pk, waiting.pk])
    MigrationExecutor(connection).migrate(latest)  # the next tests find the schema they expect
    assert m.Score.objects.count() == 2 and m.Override.objects.count() == 1
