"""A candidate signs up (with an e-mail address, the password rules in view), is told where to
start, practises three questions in the browser, gets feedback on each as a percentage with a
"Next question", finds them again under recent answers, and the review queue brings each one back
on its scheduled day. Time travel moves the practice clock of the in-process live server; nothing
sleeps."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from mlinterview.web.practice import clock
from mlinterview.web.questions.importer import import_bank
from tests.shipped import shipped_bank

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ANSWERS = {
    "loss-function": (
        "A loss function takes one prediction and the true value and returns a number saying how far "
        "off the prediction was, and training tunes the parameters so that this number gets small. "
        "Averaged over the whole training set, usually with a regularisation penalty added, it is called "
        "the cost or the objective. For regression people use mean squared error, which punishes "
        "outliers hard, or mean absolute error; for classification they use cross-entropy, also called "
        "log loss. Because we train with gradients, the loss has to be differentiable. That is also why "
        "we often train on one loss and report a different metric such as accuracy, which has no useful "
        "gradient."
    ),
    "support-vector-machine": "It is a kind of model that draws a line.",
    "type-1-vs-type-2-errors": "I am not sure, maybe something about errors.",
}


def test_practise_three_questions_and_come_back_on_schedule(live_server, browser, monkeypatch, shot) -> None:
    import_bank(shipped_bank())
    start = timezone.now()
    shift = {"days": 0.0}
    monkeypatch.setattr(clock, "now", lambda: start + timedelta(days=shift["days"]))

    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/signup/")
    # The password rules are on the page before anything is typed, and the input points to them.
    rules = page.locator("#id_password1_helptext")
    assert rules.is_visible() and "at least 8 characters" in rules.inner_text()
    assert page.get_attribute("#id_password1", "aria-describedby") == "id_password1_helptext"
    page.fill("#id_username", "casey")
    page.fill("#id_email", "casey@example.com")
    page.fill("#id_password1", "a-long-pass-phrase-42")
    page.fill("#id_password2", "a-long-pass-phrase-42")
    page.click("form.stack button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/practice/")
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(username="casey").email == "casey@example.com"
    # A new person is told where to start, not that nothing is due.
    first_visit = page.inner_text("main")
    assert "Where to start" in first_visit and "Well done" not in first_visit
    assert "Nothing due" not in first_visit
    assert page.locator("#first-question").is_visible()
    shot(page, "29-practice-first-visit")

    scores = {}
    for number, (slug, answer) in enumerate(ANSWERS.items()):
        page.goto(f"{live_server.url}/practice/q/{slug}/")
        assert page.url.endswith(f"/practice/q/{slug}/"), page.url
        page.fill("#answer", answer)
        page.click("form.stack button[type=submit]")
        page.wait_for_selector("#score")
        assert re.fullmatch(r"/practice/answers/\d+/", page.url.removeprefix(live_server.url)), page.url
        score = page.inner_text("#score")
        assert re.fullmatch(r"\d{1,3}%", score), score  # the product's one scale
        body = page.inner_text("main")
        assert "/ 5" not in body and "advice to guide your practice" in body
        assert "Reference answer" in body  # feedback after an attempt shows what a good answer says
        scores[slug] = score
        shot(page, f"30-practice-feedback-{slug}")
        if number == 0:
            # "Next question" leads to another question on offer, by its title.
            following = page.locator("#next-question")
            title = following.inner_text().removeprefix("Next question: ")
            following.click()
            page.wait_for_load_state()
            assert re.search(r"/practice/q/[a-z0-9-]+/$", page.url) and not page.url.endswith(f"/{slug}/")
            assert page.inner_text("h1") == title

    # Recent answers: titles, each a link to its own feedback, with its percentage.
    page.goto(f"{live_server.url}/practice/progress/")
    recent = page.locator("ul.recent-answers")
    assert "loss-function" not in recent.inner_text()
    line = recent.locator("li", has_text="What is a loss function?")
    assert scores["loss-function"] in line.inner_text()
    shot(page, "33-practice-recent-answers")
    line.get_by_role("link", name="What is a loss function?").click()
    assert page.inner_text("h1") == "Feedback: What is a loss function?"
    assert page.inner_text("#score") == scores["loss-function"]

    from mlinterview.web.practice.models import PracticeDeck

    deck = PracticeDeck.objects.get(user__username="casey").deck
    due = {slug: card.due for slug, card in deck.cards.items()}
    assert set(due) == set(ANSWERS)
    assert due["type-1-vs-type-2-errors"] < due["loss-function"]  # weak answers come back sooner

    def review_queue() -> str:
        page.goto(f"{live_server.url}/practice/")
        return page.content().split('id="new-h"')[0]

    assert "Nothing due" in page.goto(f"{live_server.url}/practice/").text()
    for slug, when in sorted(due.items(), key=lambda kv: kv[1]):
        shift["days"] = (when - start).total_seconds() / 86400 - 0.01
        assert f'href="/practice/q/{slug}/"' not in review_queue(), f"{slug} is due too early"
        shift["days"] = (when - start).total_seconds() / 86400 + 0.01
        assert f'href="/practice/q/{slug}/"' in review_queue(), f"{slug} is not due on its day"
    shot(page, "31-practice-review-queue")


def test_practise_a_coding_exercise_run_and_submit(live_server, browser, settings, shot) -> None:
    """The coding practice page's script: the code is autosaved, a run on the examples and a
    submission are queued and polled until judged (the immediate task backend judges them in the
    sandbox as soon as they are queued), and the hidden tests come back only as a count."""
    from mlinterview.exercises.model import default_exercises_dir
    from mlinterview.web.practice.models import PracticeCode

    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["mail", "scoring", "trials", "judging", "default"],
        }
    }
    settings.MLINTERVIEW_TRIAL_COOLDOWN_SECONDS = 0
    wrong = (default_exercises_dir() / "roc-auc" / "wrong" / "no_single_class_check.py").read_text()

    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/signup/")
    page.fill("#id_username", "casey")
    page.fill("#id_email", "casey@example.com")
    page.fill("#id_password1", "a-long-pass-phrase-42")
    page.fill("#id_password2", "a-long-pass-phrase-42")
    page.click("form.stack button[type=submit]")
    page.goto(f"{live_server.url}/practice/code/?kind=from-scratch&skill=model-evaluation")
    page.click("text=ROC AUC with ties")
    assert page.url.endswith("/practice/code/roc-auc/"), page.url

    page.locator(".cm-content").fill(wrong)  # the code editor over the textarea (issue 15, point 6)
    assert page.input_value("#content") == wrong
    page.wait_for_selector("#save-status:has-text('Saved at')")
    assert PracticeCode.objects.get(user__username="casey", slug="roc-auc").content == wrong

    page.click("button[data-kind=examples]")
    page.wait_for_selector("#run-output:has-text('public examples pass')")
    assert "Hidden tests" not in page.inner_text("#run-output")
    page.wait_for_selector("button[data-kind=submit]:enabled")
    page.click("button[data-kind=submit]")
    page.wait_for_selector("#run-output:has-text('Hidden tests:')")
    shown = page.inner_text("#run-output")
    assert "all scores tied" not in shown and "only positives" not in shown  # hidden tests' names
    shot(page, "32-practice-coding-submitted")

    page.reload()
    assert page.input_value("#content") == wrong
    assert "Your last submission" in page.inner_text("#run-output")
