"""Live interviews: independent scorecards, debrief with disagreement flags, calibration."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from mlinterview.web.interviews import services
from mlinterview.web.questions.importer import import_bank
from tests.shipped import shipped_bank

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(django_user_model):
    import_bank(shipped_bank())
    users = []
    for name in ("ivan", "iris", "otto"):
        user = django_user_model.objects.create_user(name, password="pw-for-tests-only", is_staff=True)
        user.groups.add(Group.objects.get(name="interviewer"))
        users.append(user)
    return users


@pytest.fixture
def interview(panel):
    return services.create_interview("Grace", level="mid", minutes=30, seed=1, panel=panel[:2], user=panel[0])


def _rate(interview, user, values, recommendation="yes"):
    card = services.scorecard_for(interview, user)
    items = list(interview.items.all())
    services.save_ratings(
        card, {item.pk: (value, f"note {value}") for item, value in zip(items, values, strict=False)}
    )
    services.submit_scorecard(card, recommendation, "Solid on fundamentals")
    return card


def test_interview_gets_a_kit_of_question_versions(interview):
    items = list(interview.items.select_related("question_version"))
    assert items and sum(i.question_version.data["minutes"] for i in items) <= 30


def test_scoring_is_independent_until_own_submission(interview, panel):
    ivan, iris, otto = panel
    n = interview.items.count()
    _rate(interview, ivan, [4] * n)
    assert services.may_see_panel(interview, ivan)
    assert not services.may_see_panel(interview, iris)  # panel member who has not submitted
    assert not services.may_see_panel(interview, otto)  # not on the panel, not everyone done
    with pytest.raises(services.InterviewError, match="not on this interview's panel"):
        services.scorecard_for(interview, otto)


def test_submission_needs_every_rating_and_a_reason(interview, panel):
    card = services.scorecard_for(interview, panel[0])
    with pytest.raises(services.InterviewError, match="a rating for question 1"):
        services.submit_scorecard(card, "yes", "fine")
    services.save_ratings(card, {item.pk: (3, "") for item in interview.items.all()})
    with pytest.raises(services.InterviewError, match="reason"):
        services.submit_scorecard(card, "yes", " ")
    with pytest.raises(services.InterviewError, match="1 to 4"):
        services.save_ratings(card, {interview.items.first().pk: (7, "")})
    services.submit_scorecard(card, "strong_yes", "Excellent")
    with pytest.raises(services.InterviewError, match="submitted"):
        services.save_ratings(card, {interview.items.first().pk: (1, "")})


def test_debrief_flags_two_point_disagreements(interview, panel):
    n = interview.items.count()
    _rate(interview, panel[0], [4] + [3] * (n - 1))
    _rate(interview, panel[1], [2] + [3] * (n - 1), recommendation="no")
    rows = services.debrief(interview)
    assert rows[0].flagged and rows[0].spread == 2
    assert not any(r.flagged for r in rows[1:])
    assert {name for name, _, _ in rows[0].ratings} == {"ivan", "iris"}


def test_calibration_leniency_and_alpha(panel):
    ivan, iris, otto = panel
    for seed in (1, 2, 3):
        interview = services.create_interview(
            f"C{seed}", level="mid", minutes=30, seed=seed, panel=[ivan, iris], user=ivan
        )
        n = interview.items.count()
        base = [1 + (i + seed) % 3 for i in range(n)]
        _rate(interview, ivan, [min(4, v + 1) for v in base])  # consistently more lenient
        _rate(interview, iris, base)
    result = services.calibration()
    assert result.leniency["ivan"] > 0 > result.leniency["iris"]
    assert result.alpha is not None and 0 < result.alpha <= 1
    assert result.chart_png
