"""Issue 15, point 8: the scorecard never loses what the interviewer typed. A draft keeps every
field (ratings, notes, overall recommendation, reason); a submit that is refused keeps them too and
says what is missing; asking for an advisory score saves the draft first; the advisory score is
shown on the product's percentage scale with its place on the 1-4 anchors explained."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils.html import escape

from mlinterview.web.interviews import models as im
from mlinterview.web.interviews import services
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

QUESTIONS = ["k-fold-cross-validation", "loss-function"]


@pytest.fixture
def interview(django_user_model):
    from mlinterview.web.questions.models import Question

    import_small_bank(QUESTIONS)
    users = []
    for name in ("ivan", "iris"):
        user = django_user_model.objects.create_user(name, password="pw-for-tests-only", is_staff=True)
        user.groups.add(Group.objects.get(name="interviewer"))
        users.append(user)
    interview = im.Interview.objects.create(
        candidate_name="Grace", level="mid", minutes=20, created_by=users[0]
    )
    for position, slug in enumerate(QUESTIONS):
        version = Question.objects.get(slug=slug).current_version
        im.InterviewQuestion.objects.create(interview=interview, question_version=version, position=position)
    interview.panel.set(users)
    return interview


def _client(interview, name: str) -> Client:
    client = Client()
    client.force_login(interview.panel.get(username=name))
    return client


def _items(interview) -> list[im.InterviewQuestion]:
    return list(interview.items.order_by("position"))


def _card(interview, name: str) -> im.Scorecard:
    return im.Scorecard.objects.get(interview=interview, interviewer__username=name)


def test_a_saved_draft_keeps_every_field_and_shows_them_on_reload(interview):
    ivan = _client(interview, "ivan")
    first, second = _items(interview)
    response = ivan.post(
        f"/interviews/{interview.pk}/",
        {
            "action": "save",
            f"rating-{first.pk}": "3",
            f"notes-{first.pk}": "Named the folds",
            f"notes-{second.pk}": "Did not get to this one",
            "recommendation": "yes",
            "reason": "Careful with validation",
        },
    )
    assert response.status_code == 302
    card = _card(interview, "ivan")
    assert (card.recommendation, card.reason, card.submitted_at) == ("yes", "Careful with validation", None)
    ratings = {r.item_id: (r.value, r.notes) for r in card.ratings.all()}
    assert ratings == {first.pk: (3, "Named the folds"), second.pk: (None, "Did not get to this one")}

    page = ivan.get(f"/interviews/{interview.pk}/").content.decode()
    assert f'name="rating-{first.pk}" value="3" checked' in page
    assert "Named the folds</textarea>" in page and "Did not get to this one</textarea>" in page
    assert 'name="recommendation" value="yes" checked' in page
    assert "Careful with validation</textarea>" in page
    # A later draft can clear the recommendation again.
    ivan.post(f"/interviews/{interview.pk}/", {"action": "save", "recommendation": "", "reason": ""})
    card.refresh_from_db()
    assert (card.recommendation, card.reason) == ("", "")


def test_a_draft_is_private_to_its_interviewer(interview):
    first, _ = _items(interview)
    _client(interview, "ivan").post(
        f"/interviews/{interview.pk}/",
        {
            "action": "save",
            f"rating-{first.pk}": "4",
            "recommendation": "strong_yes",
            "reason": "Secret reason",
        },
    )
    iris_page = _client(interview, "iris").get(f"/interviews/{interview.pk}/").content.decode()
    assert "Secret reason" not in iris_page and "checked" not in iris_page


def test_a_refused_submit_keeps_everything_typed_and_names_what_is_missing(interview):
    ivan = _client(interview, "ivan")
    first, second = _items(interview)
    response = ivan.post(
        f"/interviews/{interview.pk}/",
        {
            "action": "submit",
            f"rating-{first.pk}": "2",
            f"notes-{first.pk}": "Mixed up the folds",
            f"notes-{second.pk}": "Strong on losses",
            "recommendation": "no",
            "reason": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Not submitted yet" in page
    assert "a rating for question 2" in page and "the reason for your recommendation" in page
    # What was typed is on the page again and kept as a draft for the next visit.
    assert f'name="rating-{first.pk}" value="2" checked' in page
    assert "Mixed up the folds</textarea>" in page and "Strong on losses</textarea>" in page
    assert 'name="recommendation" value="no" checked' in page
    card = _card(interview, "ivan")
    assert card.submitted_at is None and card.recommendation == "no"
    assert {r.item_id: (r.value, r.notes) for r in card.ratings.all()} == {
        first.pk: (2, "Mixed up the folds"),
        second.pk: (None, "Strong on losses"),
    }
    # The missing fields are marked for assistive technology too.
    assert f'id="rating-group-{second.pk}" aria-invalid="true"' in page
    assert 'id="reason" name="reason" rows="3" aria-invalid="true"' in page


def test_every_missing_field_is_named_at_once(interview):
    card = services.scorecard_for(interview, interview.panel.get(username="ivan"))
    with pytest.raises(services.IncompleteScorecard) as refused:
        services.submit_scorecard(card, "", " ")
    assert refused.value.missing == [
        "a rating for question 1",
        "a rating for question 2",
        "an overall recommendation",
        "the reason for your recommendation",
    ]


def test_asking_for_advice_saves_the_draft_first(interview):
    """Without JavaScript the advisory button posts the whole scorecard: nothing typed is lost."""
    ivan = _client(interview, "ivan")
    first, second = _items(interview)
    card = services.scorecard_for(interview, interview.panel.get(username="ivan"))
    rating = card.ratings.get(item=first)
    response = ivan.post(
        f"/interviews/{interview.pk}/advisory/{rating.pk}/",
        {
            f"answer-{rating.pk}": first.question_version.data["reference_answer"],
            f"rating-{first.pk}": "3",
            f"notes-{first.pk}": "Typed before asking",
            f"rating-{second.pk}": "1",
            "recommendation": "yes",
            "reason": "Unsaved reason",
        },
    )
    assert response.status_code == 302
    card.refresh_from_db()
    rating.refresh_from_db()
    assert (rating.value, rating.notes) == (3, "Typed before asking")
    assert (card.recommendation, card.reason) == ("yes", "Unsaved reason")
    assert card.ratings.get(item=second).value == 1
    assert 0 <= rating.advisory["score"] <= 5


def test_advice_for_a_script_is_a_fragment_and_is_shown_as_a_percentage(interview):
    ivan = _client(interview, "ivan")
    first, _ = _items(interview)
    card = services.scorecard_for(interview, interview.panel.get(username="ivan"))
    rating = card.ratings.get(item=first)
    response = ivan.post(
        f"/interviews/{interview.pk}/advisory/{rating.pk}/",
        {f"answer-{rating.pk}": first.question_version.data["reference_answer"], f"notes-{first.pk}": "kept"},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "<html" not in fragment
    rating.refresh_from_db()
    assert rating.notes == "kept"
    score = rating.advisory["score"]
    value = rating.advisory["value"]
    assert value == pytest.approx(min(1.0, max(0.0, score / 5)))
    percent = f"{100 * value:.0f}%"
    anchor = f"{1 + 3 * value:.1f}"
    assert f"Advisory score from the pasted answer: <strong>{percent}</strong>" in fragment
    assert "/5" not in fragment
    assert f"about {anchor} on this question’s 1–4 anchors" in fragment
    assert escape(rating.advisory["feedback"]) in fragment
    # The full page shows the same.
    assert f"<strong>{percent}</strong>" in ivan.get(f"/interviews/{interview.pk}/").content.decode()


def test_advice_errors_for_a_script_are_a_fragment_too(interview):
    ivan = _client(interview, "ivan")
    card = services.scorecard_for(interview, interview.panel.get(username="ivan"))
    rating = card.ratings.order_by("item__position").first()
    response = ivan.post(
        f"/interviews/{interview.pk}/advisory/{rating.pk}/",
        {f"answer-{rating.pk}": "  "},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 400
    assert "Paste the candidate's answer first." in response.content.decode()


def test_older_advice_without_a_value_is_shown_on_the_same_scale(interview):
    card = services.scorecard_for(interview, interview.panel.get(username="ivan"))
    rating = card.ratings.order_by("item__position").first()
    rating.advisory = {"score": 4.1, "feedback": "Good.", "key_points": [], "misconceptions": []}
    rating.save()
    page = _client(interview, "ivan").get(f"/interviews/{interview.pk}/").content.decode()
    assert "<strong>82%</strong>" in page and "about 3.5 on this question’s 1–4 anchors" in page
    assert "4.1/5" not in page
