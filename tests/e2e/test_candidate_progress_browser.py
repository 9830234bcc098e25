"""Issue 15, point 7, in a real browser: the landing page names the organisation and carries the
privacy notice; an item's button turns to "answered" when its autosave succeeds; a code run
leaves the save status right (the run saves the code, even while an autosave hangs); "Review
and submit" lists every item with its title and state and links back; and the warnings at 5
minutes and at 1 minute left appear in their live region. Time passes by moving the attempt's
deadline in the database and by running the page's own clock forward (Playwright's fake clock),
never by sleeping."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.assessments.exercises import public_exercise
from tests.assessments.small_bank import import_small_bank

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

QUESTIONS = ["loss-function", "support-vector-machine"]
EXERCISE = "confusion-matrix"
ORGANISATION = "Example Analytics Ltd"


def _invited(django_user_model) -> str:
    import_small_bank(QUESTIONS)
    rita = django_user_model.objects.create_user("rita", password="pw-for-tests-only", is_staff=True)
    assessment = services.create_assessment("Progress screen", rita, time_limit_minutes=30)
    specs = [*(services.ItemSpec("question", s) for s in QUESTIONS), services.ItemSpec("exercise", EXERCISE)]
    services.set_items(assessment.latest, specs, rita)
    services.publish(assessment.latest, rita)
    _, token = services.invite(assessment.latest, "Ada Lovelace", "ada@example.com", rita)
    return token


def test_answered_marks_review_list_time_warnings_and_save_status_after_a_run(
    live_server, browser, django_user_model, settings, shot
) -> None:
    settings.MLINTERVIEW_ORGANISATION_NAME = ORGANISATION
    token = _invited(django_user_model)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/take/{token}/")
    assert page.inner_text(".take-header .organisation") == ORGANISATION
    notice = page.inner_text(".privacy-notice")
    assert f"{ORGANISATION} uses this assessment" in notice and "nothing is deleted automatically" in notice
    shot(page, "70-candidate-landing-notice")
    page.click("text=Start the assessment")

    # Item 1: once the autosave succeeds, its button says "answered" (and shows a tick).
    assert page.locator("button[aria-label='Item 1, not answered']").count() == 1
    page.fill("#content", "A loss function turns each prediction's error into a number to minimise.")
    page.wait_for_selector("#save-status:has-text('Saved at')")
    first = page.locator("button[aria-label='Item 1, answered']")
    assert first.inner_text().strip() == "1 ✓"

    # Item 3, the code: the autosave hangs (held by the test), the candidate runs the code, and
    # the run's own save is what the status reports.
    page.click("button[aria-label='Item 3, not answered']")
    page.wait_for_selector(".cm-editor .cm-content")
    held = []
    page.route("**/save/", lambda route: held.append(route))
    page.locator(".cm-content").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("# my first try")
    typed = page.input_value("textarea#content")
    assert typed != public_exercise(EXERCISE)["starter"]
    page.wait_for_selector("#save-status:has-text('Unsaved changes')")
    page.click("#run-code")
    page.wait_for_selector("#save-status:has-text('Saved at')")
    page.wait_for_selector("button[aria-label='Item 3, answered']")
    saved = m.Answer.objects.get(attempt__invitation__candidate__email="ada@example.com", item__position=2)
    assert saved.content == typed
    shot(page, "71-candidate-code-run-saved")
    page.unroute("**/save/")
    for route in held:
        route.continue_()

    # Review and submit: every item, its title, its state, a link back; time left in minutes.
    page.click("text=Review and submit")
    page.wait_for_url("**/submit/")
    assert re.fullmatch(r"(29|30) minutes", page.inner_text("#time-left"))
    rows = page.locator("table.review-items tbody tr")
    assert rows.count() == 3
    cells = [[c.strip() for c in rows.nth(n).locator("td").all_inner_texts()] for n in range(3)]
    titles = [c[1] for c in cells]
    assert titles[2] == public_exercise(EXERCISE)["title"]
    assert [c[0] for c in cells] == ["1", "2", "3"]
    assert [c[2] for c in cells] == ["✓ Answered", "Not answered yet", "✓ Answered"]
    shot(page, "72-review-and-submit")
    page.click(f"table.review-items a:has-text('{titles[1]}')")
    page.wait_for_url("**/item/1/")
    assert page.inner_text("h1") == titles[1]
    assert page.get_attribute(".take-nav [aria-current]", "aria-label") == "Item 2, not answered"
    context.close()

    # The warnings: 5 minutes and 30 seconds are left; the page's clock runs 40 s forward.
    attempt = m.Attempt.objects.get(invitation__candidate__email="ada@example.com")
    m.Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=330))
    later = browser.new_context(viewport={"width": 1280, "height": 900})
    later.clock.install()
    page = later.new_page()
    page.goto(f"{live_server.url}/take/{token}/item/1/")
    warning = page.locator("#time-warning")
    assert warning.get_attribute("aria-live") == "assertive"
    assert page.get_attribute(".countdown", "aria-live") == "off"  # the ticking clock is not announced
    assert warning.inner_text() == "" and not warning.is_visible()
    page.clock.run_for(40_000)
    page.wait_for_selector("#time-warning:has-text('Less than 5 minutes left')")
    assert warning.is_visible()
    shot(page, "73-five-minute-warning")
    page.clock.run_for(240_000)  # 50 s left
    page.wait_for_selector("#time-warning:has-text('Less than 1 minute left')")
    assert warning.is_visible()
    later.close()
