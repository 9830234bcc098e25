"""Practice on the web: sign-up, feedback at once, the review queue on its scheduled days."""

from __future__ import annotations

import sqlite3
import zipfile
from html import escape
from io import BytesIO

import pytest

from mlinterview.web.assessments import services as assessment_services
from mlinterview.web.practice import clock
from mlinterview.web.practice.models import PracticeAnswer, PracticeDeck
from mlinterview.web.questions.importer import import_bank
from tests.shipped import shipped_bank

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

GOOD = (
    "A loss function takes one prediction and the true value and returns a number saying how far off "
    "the prediction was, and training tunes the parameters so that this number gets small. Averaged "
    "over the whole training set, usually with a regularisation penalty added, it is called the cost or "
    "the objective. For regression people use mean squared error, which punishes outliers hard, or mean "
    "absolute error; for classification they use cross-entropy, also called log loss. Because we train "
    "with gradients, the loss has to be differentiable. That is also why we often train on one loss and "
    "report a different metric such as accuracy, which has no useful gradient."
)


@pytest.fixture
def candidate(client, db):
    import_bank(shipped_bank())
    response = client.post(
        "/signup/",
        {
            "username": "cand",
            "email": "cand@example.com",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/practice/"
    return client


def test_signup_makes_a_non_staff_account(candidate, django_user_model):
    user = django_user_model.objects.get(username="cand")
    assert not user.is_staff
    assert candidate.get("/bank/").status_code == 403


def test_answer_feedback_and_schedule(candidate, travel):
    page = candidate.get("/practice/q/loss-function/").content.decode()
    from mlinterview.web.questions.templatetags.markdown_tags import render_markdown

    rendered = str(render_markdown(shipped_bank().get("loss-function").reference_answer))
    reference = rendered.split("</p>")[0]  # the first rendered paragraph
    assert reference not in page  # the reference answer only comes after an attempt
    html = candidate.post("/practice/q/loss-function/", {"answer": GOOD}, follow=True).content.decode()
    assert "Reference answer" in html and reference in html
    saved = PracticeAnswer.objects.get(slug="loss-function")
    assert saved.content == GOOD and saved.score >= 2.5
    # The page shows the score saved and, for every key point, whether and where it was covered.
    result = saved.feedback
    # Graded through the seam: the primary text grader's result, naming the grader and its version.
    assert result["grader"] == "local-text" and result["version"]
    assert f'<strong id="score">{100 * min(1.0, saved.score / 5):.0f}%</strong>' in html
    assert [p["text"] for p in result["key_points"]] == shipped_bank().get("loss-function").key_points
    covered = [p for p in result["key_points"] if p["covered"]]
    assert covered, result
    for point in result["key_points"]:
        mark = {"covered": "✓ covered", "partial": "◐ partly covered", "contradicted": "✗ contradicted"}.get(
            point["verdict"], "✗ missed"
        )
        assert f"{mark}: {escape(point['text'])}" in html
    for point in covered:
        assert f"<q>{escape(point['evidence'])}</q>" in html and point["evidence"] in GOOD
    assert f'<p id="feedback">{escape(result["feedback"])}</p>' in html
    card = PracticeDeck.objects.get(user__username="cand").deck.cards["loss-function"]
    assert f'<strong id="next-review">{card.due:%Y-%m-%d}</strong>' in html
    home = candidate.get("/practice/").content.decode()
    assert "Nothing due" in home
    travel(60)
    home = candidate.get("/practice/").content.decode()
    assert 'href="/practice/q/loss-function/"' in home.split('id="new-h"')[0]


def test_three_questions_come_back_on_their_days(candidate, travel):
    from mlinterview.web.practice.models import PracticeDeck

    answers = {
        "loss-function": GOOD,
        "support-vector-machine": "It is a model.",
        "type-1-vs-type-2-errors": "",
    }
    for slug, text in answers.items():
        candidate.post(f"/practice/q/{slug}/", {"answer": text or "I do not know."})
    deck = PracticeDeck.objects.get(user__username="cand").deck
    due = {slug: card.due for slug, card in deck.cards.items()}
    assert due["support-vector-machine"] < due["loss-function"]
    start = clock.now()
    for slug, when in sorted(due.items(), key=lambda kv: kv[1]):
        travel((when - start).total_seconds() / 86400 - 0.01)
        before = candidate.get("/practice/").content.decode().split('id="new-h"')[0]
        assert f'href="/practice/q/{slug}/"' not in before
        travel((when - start).total_seconds() / 86400 + 0.01)
        after = candidate.get("/practice/").content.decode().split('id="new-h"')[0]
        assert f'href="/practice/q/{slug}/"' in after


def test_progress_and_anki_export(candidate, tmp_path):
    candidate.post("/practice/q/loss-function/", {"answer": GOOD})
    saved = PracticeAnswer.objects.get(slug="loss-function")
    page = candidate.get("/practice/progress/").content.decode()
    assert "data:image/png;base64," in page
    # Mastery of the set is the latest score on the product's scale, as a percentage; the answer
    # is listed by its title, linking to its feedback.
    assert f"<tr><td>Algorithms</td><td>{round(saved.score / 5 * 100)}%</td></tr>" in page
    title = "What is a loss function?"
    assert (
        f'<a href="/practice/answers/{saved.pk}/">{title}</a> · {100 * min(1.0, saved.score / 5):.0f}%'
        in page
    )
    response = candidate.get("/practice/export.apkg")
    assert response["Content-Disposition"] == 'attachment; filename="mlinterview-practice.apkg"'
    archive = zipfile.ZipFile(BytesIO(response.content))
    assert "collection.anki2" in archive.namelist()
    # The deck holds one note: the practised question on the front, its key points on the back.
    collection = tmp_path / "collection.anki2"
    collection.write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(collection) as db:
        [(fields,)] = db.execute("SELECT flds FROM notes").fetchall()
    front, back = fields.split("\x1f")
    question = shipped_bank().get("loss-function")
    assert front.startswith(f"<b>{question.title}</b><br>")
    assert all(f"<li>{point}</li>" in back for point in question.key_points)


def test_questions_in_open_assessments_are_held_back(candidate, django_user_model):
    from django.contrib.auth.models import Group

    rita = django_user_model.objects.create_user("rita", password="pw-for-tests-only", is_staff=True)
    rita.groups.add(Group.objects.get(name="recruiter"))
    assessment = assessment_services.create_assessment("Open", rita)
    assessment_services.set_items(
        assessment.latest, [assessment_services.ItemSpec("question", "loss-function")], rita
    )
    assessment_services.publish(assessment.latest, rita)
    assessment_services.invite(assessment.latest, "Someone", "someone@example.com", rita)
    assert candidate.get("/practice/q/loss-function/").status_code == 404
    assert 'href="/practice/q/loss-function/"' not in candidate.get("/practice/").content.decode()


def test_oversized_answer_refused(candidate):
    response = candidate.post("/practice/q/loss-function/", {"answer": "x" * 20_001})
    assert response.status_code == 413
    assert "Your answer is 20,001 characters; the limit is 20,000." in response.content.decode()
    assert not PracticeAnswer.objects.filter(slug="loss-function").exists()  # nothing scored or saved
