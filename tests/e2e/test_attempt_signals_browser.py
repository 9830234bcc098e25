"""Issue 16, point 2, in a real browser: the landing page tells the candidate what the page
records; the candidate pastes an answer (a real paste from the clipboard, Ctrl+V) and switches to
another tab of the browser and back; after submission the reviewer sees both signals, as context,
on the review page. Nothing here waits on a clock: each step waits for what the server has stored."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import Group

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.small_bank import import_small_bank

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

QUESTION = "loss-function"
PASSWORD = "pw-for-the-browser-test"
ANSWER = (
    "A loss function maps each prediction and its target to a number that says how wrong the model "
    "was; training searches for the parameters that make its average over the data small. Squared "
    "error suits regression, cross-entropy suits classification with probabilities."
)


def _until(check, what: str, timeout: float = 60.0):
    """Poll the database (the browser's reports arrive asynchronously) until ``check()`` is truthy."""
    deadline = time.monotonic() + timeout
    while True:
        if value := check():
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_pasted_answer_and_tab_switch_reach_the_review_page(
    live_server, browser, django_user_model, shot
) -> None:
    import_small_bank([QUESTION])
    rita = django_user_model.objects.create_user("rita", password=PASSWORD, is_staff=True)
    rita.groups.add(Group.objects.get(name="recruiter"))
    assessment = services.create_assessment("Signals screen", rita, time_limit_minutes=30)
    services.set_items(assessment.latest, [services.ItemSpec("question", QUESTION)], rita)
    services.publish(assessment.latest, rita)
    _, token = services.invite(assessment.latest, "Ada Lovelace", "ada@example.com", rita)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(f"{live_server.url}/take/{token}/")
    notice = page.inner_text("#activity-notice")
    assert "paste" in notice and "another tab" in notice and "never decide anything" in notice
    assert "size and time of each paste" in page.inner_text(".privacy-notice")
    shot(page, "80-landing-activity-notice")
    page.click("text=Start the assessment")
    page.wait_for_url("**/item/0/")
    # Headless Chromium keeps every tab "visible", so a switch to another tab shows on this page
    # as the loss of focus (blur) and its return. Playwright tells every page it has focus unless
    # told otherwise: from here on focus follows the tab in front, as in a desktop browser (set
    # once the page is on the server's origin; the first navigation starts a new renderer).
    context.new_cdp_session(page).send("Emulation.setFocusEmulationEnabled", {"enabled": False})
    page.bring_to_front()

    # A real paste: the text goes on the clipboard, then Ctrl+V in the answer box.
    page.evaluate("(text) => navigator.clipboard.writeText(text)", ANSWER)
    page.click("#content")
    page.keyboard.press("Control+V")
    page.wait_for_function("(n) => document.getElementById('content').value.length === n", arg=len(ANSWER))
    page.wait_for_selector("#save-status:has-text('Saved at')")
    ada = m.Attempt.objects.filter(invitation__candidate__email="ada@example.com")
    attempt = _until(ada.first, "the attempt")
    pasted = m.AnswerActivity.objects.filter(answer__attempt=attempt, pastes=1)
    _until(pasted.exists, "the paste report")

    # Another tab in front: this page loses focus; the server hears of the leave, then of the return.
    other = context.new_page()
    other.bring_to_front()
    other.goto(f"{live_server.url}/take/done/")
    page.wait_for_function("() => !document.hasFocus()")
    _until(lambda: m.AttemptActivity.objects.filter(attempt=attempt, times_away=1).exists(), "the leave")
    page.bring_to_front()
    page.wait_for_function("() => document.hasFocus()")
    away = _until(
        lambda: m.AttemptActivity.objects.filter(attempt=attempt, away_since__isnull=True, seconds_away__gt=0)
        .values_list("seconds_away", flat=True)
        .first(),
        "the return",
    )
    other.close()

    page.click("text=Review and submit")
    page.wait_for_url("**/submit/")
    page.click("form[method=post] button[type=submit]")
    page.wait_for_load_state()
    _until(lambda: m.Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=False).exists(), "submission")
    context.close()

    # The reviewer (the recruiter who owns the assessment) sees both signals as context.
    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    review = staff.new_page()
    review.goto(f"{live_server.url}/login/")
    review.fill("#id_username", "rita")
    review.fill("#id_password", PASSWORD)
    review.click("button[type=submit]")
    review.wait_for_url(lambda url: "/login/" not in url)
    review.goto(f"{live_server.url}/assessments/{assessment.pk}/attempts/{attempt.pk}/")
    whole = review.inner_text("#attempt-context")
    assert "Left the tab 1 time," in whole and "away in total" in whole and "never a verdict" in whole
    assert away < 60  # the time away is what the page measured, clamped by the server's clock
    item = review.inner_text(".answer-context")
    assert f"Pasted {len(ANSWER)} characters in 1 paste." in item
    assert f"{len(ANSWER)} characters appeared in one input event (the answer has {len(ANSWER)})." in item
    shot(review, "81-review-attempt-context")
    staff.close()
