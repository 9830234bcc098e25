"""Issue 15, point 10 (practice), and point 8's one scale across the product on the practice pages.

A new person is told where to start instead of "Nothing due. Well done."; feedback comes on the
answer's own page with its score as a percentage (explained, and said to be advisory) and a "Next
question" (a due review first, then a new question, within the set and level chosen); recent
answers show titles that link to their feedback; no practice page prints a score out of 5; the
navigation and titles say "Practice".

Three questions only (tests/assessments/small_bank.py), graded by the real scorer.
"""

from __future__ import annotations

import re
from html import escape

import pytest
from django.contrib.auth.models import Group

from mlinterview.web.assessments import services as assessment_services
from mlinterview.web.practice import clock, services
from mlinterview.web.practice.models import PracticeAnswer, PracticeDeck
from tests.assessments.small_bank import import_small_bank

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # the scorer grades the answers

SLUGS = ["loss-function", "support-vector-machine", "type-1-vs-type-2-errors"]
TITLES = {
    "loss-function": "What is a loss function?",
    "support-vector-machine": "What is a support vector machine?",
    "type-1-vs-type-2-errors": "Type I versus type II errors",
}
ANSWER = (
    "A loss function measures how far one prediction is from the true value; training minimises its "
    "average over the training data. Mean squared error for regression, cross-entropy for "
    "classification, and it must be differentiable for gradient descent."
)
OUT_OF_FIVE = re.compile(r"(?<![A-Za-z0-9+/=])\d\s*/\s*5\b")  # not inside a base64 chart
SCALE_NOTE = "Scores are percentages, as everywhere in mlinterview"


@pytest.fixture
def bank(db):
    return import_small_bank(SLUGS)


@pytest.fixture
def casey(client, bank):
    response = client.post(
        "/signup/",
        {
            "username": "casey",
            "email": "casey@example.com",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
        },
    )
    assert response.status_code == 302
    return client


def _percent(score: float) -> str:
    return f"{100 * min(1.0, max(0.0, score / 5)):.0f}%"


def _answer(client, slug: str, query: str = ""):
    return client.post(f"/practice/q/{slug}/{query}", {"answer": ANSWER})


def test_a_new_person_is_told_where_to_start(casey):
    page = casey.get("/practice/").content.decode()
    assert "Well done" not in page and "Nothing due" not in page
    assert "You have not answered a question yet" in page
    start = re.search(r'<a id="first-question" href="/practice/q/([a-z0-9-]+)/">Start with “(.*?)”</a>', page)
    assert start, page
    assert start[1] in SLUGS and start[2] == escape(TITLES[start[1]])
    assert "Scheduled" not in page  # nothing to show there yet

    _answer(casey, start[1])
    page = casey.get("/practice/").content.decode()
    assert "You have not answered a question yet" not in page and 'id="first-question"' not in page
    assert "Due for review today" in page and "Scheduled" in page
    assert "Well done" not in page


def test_feedback_has_its_own_page_with_a_percentage_and_a_next_question(casey):
    posted = _answer(casey, "loss-function")
    saved = PracticeAnswer.objects.get(slug="loss-function")
    assert posted.status_code == 302 and posted["Location"] == f"/practice/answers/{saved.pk}/"
    page = casey.get(posted["Location"]).content.decode()
    assert f'<strong id="score">{_percent(saved.score)}</strong>' in page
    assert SCALE_NOTE in page and "not a verdict" in page and "advisory" in page
    assert not OUT_OF_FIVE.search(page), OUT_OF_FIVE.search(page)
    following = re.search(r'<a class="button" id="next-question" href="/practice/q/([a-z0-9-]+)/">', page)
    assert following and following[1] in SLUGS and following[1] != "loss-function"
    assert f"Next question: {escape(TITLES[following[1]])}" in page
    # Opening the page again shows the same feedback and records nothing more.
    assert casey.get(posted["Location"]).content.decode().count('id="score"') == 1
    assert PracticeAnswer.objects.count() == 1


def test_the_next_question_stays_in_the_chosen_set(casey, travel):
    posted = _answer(casey, "support-vector-machine", "?set=algorithms")
    saved = PracticeAnswer.objects.get(slug="support-vector-machine")
    assert posted["Location"] == f"/practice/answers/{saved.pk}/?set=algorithms"
    page = casey.get(posted["Location"]).content.decode()
    # Of the set's other question, never the fundamentals one first in the bank.
    assert 'id="next-question" href="/practice/q/loss-function/?set=algorithms"' in page

    last = _answer(casey, "loss-function", "?set=algorithms")
    page = casey.get(last["Location"]).content.decode()
    assert 'id="next-question"' not in page
    assert "You have practised every question on offer in this selection" in page


def test_a_due_review_comes_before_a_new_question(casey, travel, django_user_model):
    user = django_user_model.objects.get(username="casey")
    _answer(casey, "type-1-vs-type-2-errors")
    due = PracticeDeck.objects.get(user=user).deck.cards["type-1-vs-type-2-errors"].due
    assert services.next_question(user, after="loss-function").slug == "support-vector-machine"
    travel((due - clock.now()).total_seconds() / 86400 + 0.01)
    assert services.next_question(user, after="loss-function").slug == "type-1-vs-type-2-errors"
    # Never the question just answered, even when it is the one due.
    assert services.next_question(user, after="type-1-vs-type-2-errors").slug != "type-1-vs-type-2-errors"


def test_recent_answers_show_titles_that_link_to_their_feedback(casey, client, django_user_model):
    _answer(casey, "loss-function")
    _answer(casey, "type-1-vs-type-2-errors")
    first, second = PracticeAnswer.objects.order_by("answered_at", "pk")
    page = casey.get("/practice/progress/").content.decode()
    recent = page.split('<ul class="recent-answers">', 1)[1].split("</ul>", 1)[0]
    links = {}
    for saved in (first, second):
        links[saved.pk] = f'<a href="/practice/answers/{saved.pk}/">{escape(TITLES[saved.slug])}</a>'
        assert links[saved.pk] in recent and _percent(saved.score) in recent
        assert saved.slug not in recent  # titles, not slugs
    assert recent.index(links[second.pk]) < recent.index(links[first.pk])  # newest first
    assert SCALE_NOTE in page and not OUT_OF_FIVE.search(page)
    assert "Type I versus type II errors" in casey.get(f"/practice/answers/{second.pk}/").content.decode()

    # Someone else's answer is not there for anyone else to open.
    client.logout()
    client.force_login(django_user_model.objects.create_user("dana", email="dana@example.com"))
    assert client.get(f"/practice/answers/{first.pk}/").status_code == 404


def test_a_question_held_back_since_is_listed_without_its_feedback(casey, django_user_model):
    """Once a question is in an assessment candidates can still take, its kept feedback (which
    quotes the rubric) is not opened from practice; the answer stays listed."""
    _answer(casey, "loss-function")
    saved = PracticeAnswer.objects.get(slug="loss-function")
    rita = django_user_model.objects.create_user("rita", password="pw-for-tests-only", is_staff=True)
    rita.groups.add(Group.objects.get(name="recruiter"))
    assessment = assessment_services.create_assessment("Open", rita)
    assessment_services.set_items(
        assessment.latest, [assessment_services.ItemSpec("question", "loss-function")], rita
    )
    assessment_services.publish(assessment.latest, rita)
    assessment_services.invite(assessment.latest, "Someone", "someone@example.com", rita)

    assert casey.get(f"/practice/answers/{saved.pk}/").status_code == 404
    recent = casey.get("/practice/progress/").content.decode().split('<ul class="recent-answers">', 1)[1]
    assert escape(TITLES["loss-function"]) in recent.split("</ul>", 1)[0]
    assert f'href="/practice/answers/{saved.pk}/"' not in recent


def test_home_prints_last_scores_as_percentages(casey, travel):
    _answer(casey, "loss-function")
    score = PracticeAnswer.objects.get(slug="loss-function").score
    page = casey.get("/practice/").content.decode()
    scheduled = page.split('id="up-h"', 1)[1]
    assert f"<td>{_percent(score)}</td>" in scheduled and SCALE_NOTE in scheduled
    travel(400)
    due = casey.get("/practice/").content.decode().split('id="new-h"', 1)[0]
    assert f"last score {_percent(score)}" in due
    for url in ("/practice/", "/practice/progress/"):
        assert not OUT_OF_FIVE.search(casey.get(url).content.decode()), url


def test_practice_is_spelled_one_way_in_navigation_and_titles(casey):
    """British usage, as in the README and the rest of the UI: the noun is "practice" (every link
    and title here), "practise" is only ever the verb in running text."""
    heads = re.compile(r"<(?:title|h1|h2)\b[^>]*>(.*?)</(?:title|h1|h2)>|<nav\b.*?</nav>", re.S)
    pages = ["/practice/", "/practice/progress/", "/practice/code/", "/practice/q/loss-function/"]
    signed_in = [casey.get(url).content.decode() for url in pages]
    casey.post("/logout/")
    signed_out = [casey.get(url).content.decode() for url in ("/", "/signup/", "/login/")]
    for html in signed_in + signed_out:
        for found in heads.finditer(html):
            assert "Practis" not in found[0], found[0]
    assert '<a href="/signup/">Practice</a>' in signed_out[0]
    assert "<h1>Practice for ML engineering interviews</h1>" in signed_out[1]
