"""The shortlist: how item scores add up to a candidate's total, and the order recruiters read.

Scores are written straight onto the Score rows (status done, an automatic value), as a scoring
worker leaves them: under test is the arithmetic and the ranking, not the scorer. Every expected
number is worked out by hand in a comment next to it.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

PENDING = "pending"
FAILED = "failed"

T, L, S = "type-1-vs-type-2-errors", "loss-function", "support-vector-machine"
# Weights 2, 3 and 5 (sum 10); L and S are both in the set "algorithms", T in "fundamentals".
WEIGHTS = {T: 2.0, L: 3.0, S: 5.0}
QUESTIONS_USED = [T, L, S]


@pytest.fixture
def bank(db):
    """Only the questions used here (see tests/assessments/small_bank.py)."""
    return import_small_bank(QUESTIONS_USED)


@pytest.fixture
def weighted(bank, recruiter):
    assessment = services.create_assessment("Weighted screen", recruiter, time_limit_minutes=30)
    version = assessment.latest
    services.set_items(
        version, [services.ItemSpec("question", slug, weight) for slug, weight in WEIGHTS.items()], recruiter
    )
    services.publish(version, recruiter)
    return version


def _score(attempt: m.Attempt, slug: str) -> m.Score:
    return m.Score.objects.get(answer__attempt=attempt, answer__item__question_version__question__slug=slug)


def _candidate(version, recruiter, name: str, values: dict[str, object], submitted_minutes_ago: float):
    """Invite, start and submit one candidate, then set each answer's score.

    ``values`` maps a question slug to a value in 0..1, to PENDING (left as submit() leaves it)
    or to FAILED (the worker gave up).
    """
    invitation, _ = services.invite(version, name, f"{name.lower()}@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    services.submit(attempt)
    submitted_at = timezone.now() - timedelta(minutes=submitted_minutes_ago)
    m.Attempt.objects.filter(pk=attempt.pk).update(submitted_at=submitted_at)
    for slug, value in values.items():
        score = _score(attempt, slug)
        assert score.status == m.Score.Status.PENDING
        if value == FAILED:
            m.Score.objects.filter(pk=score.pk).update(status=m.Score.Status.FAILED, tries=3, error="boom")
        elif value != PENDING:
            m.Score.objects.filter(pk=score.pk).update(
                status=m.Score.Status.DONE, auto_value=value, scored_at=timezone.now()
            )
    attempt.refresh_from_db()
    return attempt


@pytest.fixture
def five(weighted, recruiter):
    """Five submitted candidates (three fully scored, one pending, one failed) and one still working."""
    made = {
        "Ann": _candidate(weighted, recruiter, "Ann", {T: 1.0, L: 0.5, S: 0.3}, submitted_minutes_ago=30),
        "Ben": _candidate(weighted, recruiter, "Ben", {T: 0.2, L: 0.4, S: 0.8}, submitted_minutes_ago=50),
        "Cat": _candidate(weighted, recruiter, "Cat", {T: 0.9, L: 0.9, S: 0.6}, submitted_minutes_ago=10),
        "Dan": _candidate(weighted, recruiter, "Dan", {T: 0.9, L: 1.0, S: PENDING}, submitted_minutes_ago=40),
        "Eve": _candidate(weighted, recruiter, "Eve", {T: FAILED, L: 1.0, S: 1.0}, submitted_minutes_ago=20),
    }
    # Fay started but has not submitted: not on the shortlist at all.
    invitation, _ = services.invite(weighted, "Fay", "fay@example.com", recruiter)
    services.start_attempt(invitation)
    return made


def test_totals_are_the_weighted_mean_of_item_scores(weighted, five):
    rows = {row.candidate.name: row for row in services.shortlist(weighted)}
    assert set(rows) == {"Ann", "Ben", "Cat", "Dan", "Eve"}
    # Ann: (2*1.0 + 3*0.5 + 5*0.3) / 10 = (2 + 1.5 + 1.5) / 10 = 0.50   (plain mean 1.8/3 = 0.60)
    assert rows["Ann"].total == pytest.approx(0.50)
    # Ben: (2*0.2 + 3*0.4 + 5*0.8) / 10 = (0.4 + 1.2 + 4.0) / 10 = 0.56 (plain mean 1.4/3 = 0.47)
    assert rows["Ben"].total == pytest.approx(0.56)
    # Cat: (2*0.9 + 3*0.9 + 5*0.6) / 10 = (1.8 + 2.7 + 3.0) / 10 = 0.75 (plain mean 2.4/3 = 0.80)
    assert rows["Cat"].total == pytest.approx(0.75)
    for name in ("Ann", "Ben", "Cat"):
        assert (rows[name].pending, rows[name].failed, rows[name].overridden) == (0, 0, 0)


def test_by_set_is_the_mean_score_of_each_set(weighted, five):
    rows = {row.candidate.name: row for row in services.shortlist(weighted)}
    # fundamentals holds T alone; algorithms holds L and S: (L + S) / 2.
    assert rows["Ann"].by_set == pytest.approx({"algorithms": 0.4, "fundamentals": 1.0})  # (0.5+0.3)/2
    assert rows["Ben"].by_set == pytest.approx({"algorithms": 0.6, "fundamentals": 0.2})  # (0.4+0.8)/2
    assert rows["Cat"].by_set == pytest.approx({"algorithms": 0.75, "fundamentals": 0.9})  # (0.9+0.6)/2
    # Only the scores there are: Dan's pending S and Eve's failed T are left out of their sets.
    assert rows["Dan"].by_set == pytest.approx({"algorithms": 1.0, "fundamentals": 0.9})
    assert rows["Eve"].by_set == pytest.approx({"algorithms": 1.0})
    assert list(rows["Ann"].by_set) == ["algorithms", "fundamentals"]  # sets in name order


def test_a_pending_or_failed_score_leaves_the_total_open(weighted, five):
    rows = {row.candidate.name: row for row in services.shortlist(weighted)}
    # Dan's scored items alone would give (2*0.9 + 3*1.0) / 5 = 0.96, the best of all; Eve's 1.0.
    assert rows["Dan"].total is None and (rows["Dan"].pending, rows["Dan"].failed) == (1, 0)
    assert rows["Eve"].total is None and (rows["Eve"].pending, rows["Eve"].failed) == (0, 1)


def test_ranked_best_first_and_unfinished_rows_last(weighted, five):
    rows = services.shortlist(weighted)
    # Cat 0.75, Ben 0.56, Ann 0.50; then the rows without a total, earliest submission first
    # (Dan 40 minutes ago, Eve 20 minutes ago).
    assert [row.candidate.name for row in rows] == ["Cat", "Ben", "Ann", "Dan", "Eve"]
    assert [row.attempt.pk for row in rows] == [five[n].pk for n in ("Cat", "Ben", "Ann", "Dan", "Eve")]


def test_equal_totals_rank_by_submission_time(weighted, recruiter):
    # Created in this order (so the database returns them in it), submitted in the reverse one.
    same = {T: 0.5, L: 0.7, S: 0.1}  # (1.0 + 2.1 + 0.5) / 10 = 0.36 each
    gus = _candidate(weighted, recruiter, "Gus", same, submitted_minutes_ago=5)
    hal = _candidate(weighted, recruiter, "Hal", same, submitted_minutes_ago=15)
    ida = _candidate(weighted, recruiter, "Ida", same, submitted_minutes_ago=10)
    jo = _candidate(weighted, recruiter, "Jo", {T: 0.5, L: 0.7, S: PENDING}, submitted_minutes_ago=1)
    kit = _candidate(weighted, recruiter, "Kit", {T: 0.5, L: 0.7, S: PENDING}, submitted_minutes_ago=2)
    # A total of zero is still a total: it ranks above the rows still waiting for a score,
    # though submitted after them.
    zed = _candidate(weighted, recruiter, "Zed", {T: 0.0, L: 0.0, S: 0.0}, submitted_minutes_ago=0.5)
    rows = services.shortlist(weighted)
    assert [row.total for row in rows] == [pytest.approx(0.36)] * 3 + [0.0, None, None]
    assert [row.attempt.pk for row in rows] == [hal.pk, ida.pk, gus.pk, zed.pk, kit.pk, jo.pk]


def test_overrides_replace_the_automatic_value_latest_first_and_are_counted(weighted, recruiter):
    kim = _candidate(weighted, recruiter, "Kim", {T: 0.5, L: 0.5, S: 0.5}, submitted_minutes_ago=30)
    ivy = _candidate(weighted, recruiter, "Ivy", {T: 1.0, L: 0.5, S: 0.3}, submitted_minutes_ago=20)
    jon = _candidate(weighted, recruiter, "Jon", {T: FAILED, L: 0.6, S: 0.2}, submitted_minutes_ago=10)
    # Ivy's L is overridden twice; the second reviewer's value is the one that counts.
    services.override_score(_score(ivy, L), recruiter, 0.9, "Strong in the follow-up call")
    services.override_score(_score(ivy, L), recruiter, 0.1, "Second look: the loss is wrong for ranking")
    # Jon's T failed to score automatically; a reviewer scored it by hand.
    services.override_score(_score(jon, T), recruiter, 0.7, "Scored by hand: the scorer failed")
    rows = services.shortlist(weighted)
    by_name = {row.candidate.name: row for row in rows}
    # Kim: 0.5 everywhere = 0.50, no override.
    assert by_name["Kim"].total == pytest.approx(0.50) and by_name["Kim"].overridden == 0
    # Ivy: (2*1.0 + 3*0.1 + 5*0.3) / 10 = (2 + 0.3 + 1.5) / 10 = 0.38 (first override: 0.62,
    # automatic value: 0.50). One score overridden, however many times.
    assert by_name["Ivy"].total == pytest.approx(0.38) and by_name["Ivy"].overridden == 1
    assert by_name["Ivy"].by_set["algorithms"] == pytest.approx(0.2)  # (0.1 + 0.3) / 2
    # Jon: (2*0.7 + 3*0.6 + 5*0.2) / 10 = (1.4 + 1.8 + 1.0) / 10 = 0.42, no longer failed.
    assert by_name["Jon"].total == pytest.approx(0.42)
    assert (by_name["Jon"].failed, by_name["Jon"].pending, by_name["Jon"].overridden) == (0, 0, 1)
    assert [row.attempt.pk for row in rows] == [kim.pk, jon.pk, ivy.pk]
    # The automatic value itself is kept, next to the overrides.
    assert _score(ivy, L).auto_value == pytest.approx(0.5) and _score(ivy, L).value == pytest.approx(0.1)


def test_coding_exercises_are_their_own_group(bank, recruiter):
    assessment = services.create_assessment("Mixed", recruiter, time_limit_minutes=30)
    services.set_items(
        assessment.latest,
        [services.ItemSpec("question", L, 1.0), services.ItemSpec("exercise", "roc-auc", 3.0)],
        recruiter,
    )
    services.publish(assessment.latest, recruiter)
    invitation, _ = services.invite(assessment.latest, "Lea", "lea@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    services.submit(attempt)
    items = {a.item.kind: a for a in attempt.answers.select_related("item")}
    assert services.item_group(items["question"].item) == "algorithms"
    assert services.item_group(items["exercise"].item) == "coding exercises"
    for kind, value in (("question", 0.4), ("exercise", 1.0)):
        m.Score.objects.filter(answer=items[kind]).update(status=m.Score.Status.DONE, auto_value=value)
    (row,) = services.shortlist(assessment.latest)
    assert row.by_set == pytest.approx({"algorithms": 0.4, "coding exercises": 1.0})
    assert row.total == pytest.approx((1 * 0.4 + 3 * 1.0) / 4)  # 3.4 / 4 = 0.85
