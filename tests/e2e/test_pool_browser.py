"""Issue 17, point 1, in a real browser (Must show): a candidate submits an assessment, follows the
finish page's link to the talent pool, asks for a one-time sign-in link, gets it by mail (the app
mails through an SMTP server this test runs, via the worker), signs in with it, joins with their
consent and sees their profile with a skill level backed by the reviewed score. The reviewer's
commit is made through the service the review page calls (the review page itself is covered by
tests/e2e/test_assessment_loop.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import App, mailing_app
from tests.smtp import SmtpServer, bodies, smtp_server

pytestmark = pytest.mark.slow

LINK = re.compile(r"https?://[^/\s\"]+(/pool/sign-in/[A-Za-z0-9_-]{20,}/)")
SETUP_SCRIPT = """
from mlinterview.web.assessments import services
from mlinterview.web.accounts.models import User
rita = User.objects.get(username="rita")
a = services.create_assessment("Pool screen", rita, 20)
services.set_items(a.latest, [services.ItemSpec("question", "type-1-vs-type-2-errors")], rita)
services.publish(a.latest, rita)
invitation, token = services.invite(a.latest, "Ada Lovelace", "ada@example.com", rita)
print(token)
"""
COMMIT_SCRIPT = """
from mlinterview.web.assessments import models as m, services
from mlinterview.web.accounts.models import User
attempt = m.Attempt.objects.get(invitation__candidate__email="ada@example.com")
services.commit_review(attempt, User.objects.get(username="rita"))
"""
ANSWER = (
    "A type I error is a false positive: we reject a null hypothesis that is true, at rate alpha. "
    "A type II error is a false negative: we keep a false null hypothesis, at rate beta; power is "
    "one minus beta. Lowering the threshold trades one for the other; more data lowers both."
)


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


@pytest.fixture(scope="module")
def pool_app(tmp_path_factory: pytest.TempPathFactory, smtp: SmtpServer) -> Iterator[App]:
    with mailing_app(tmp_path_factory.mktemp("e2e-pool"), smtp.host, smtp.port) as instance:
        yield instance


def test_a_candidate_opts_in_after_an_assessment_and_sees_their_profile(pool_app, smtp, browser, shot):
    app = pool_app
    token = app.cli("manage", "shell", "-c", SETUP_SCRIPT).stdout.strip().splitlines()[-1]
    page = browser.new_context().new_page()
    page.goto(f"{app.url}/take/{token}/")
    page.click("text=Start the assessment")
    page.fill("#content", ANSWER)
    page.wait_for_selector("#save-status:has-text('Saved at')")
    page.click("text=Review and submit")
    page.click("text=Submit my answers")
    # submitting redirects: wait for the thank-you page, not only for the POST to commit (CI stop 27)
    page.wait_for_selector("h1:has-text('your answers are submitted')")

    # The worker scores the answer; a reviewer commits the review (confirming the score).
    app.wait_for("SELECT COUNT(*) FROM assessments_score WHERE status = 'done' AND \"primary\"", 1)
    app.cli("manage", "shell", "-c", COMMIT_SCRIPT)

    page.click("text=keep a profile in our talent pool")
    page.fill("#email", "ada@example.com")
    page.click("text=Send me a sign-in link")
    page.wait_for_load_state()
    assert "Check your e-mail" in page.content()
    app.wait_until(
        "SELECT COUNT(*) FROM pool_signinlink WHERE mail_status = 'sent'", lambda n: n == 1, what="1 sent"
    )
    (message,) = smtp.received.messages
    found = LINK.search(bodies(message)[0])
    assert found, bodies(message)[0]
    page.goto(app.url + found.group(1))
    page.click("button:has-text('Sign in')")
    page.click("text=Join the talent pool")
    page.fill("#headline", "Statistician turned ML engineer")
    page.fill("#years_experience", "7")
    page.fill("#links", "https://example.org/ada")
    page.check("#consent")
    page.click("button:has-text('Join the talent pool')")
    page.wait_for_selector("text=Your profile is in the pool.")
    shot(page, "pool-01-own-profile")
    text = page.inner_text("main")
    assert "Ada L." in text and "Statistician turned ML engineer" in text
    stats = page.inner_text("tr:has(th:has-text('Statistics and probability'))")
    assert "1 question" in stats and "/4" in stats
    # The link was used: it does not sign anyone in again.
    other = browser.new_context().new_page()
    other.goto(app.url + found.group(1))
    other.click("button:has-text('Sign in')")
    other.wait_for_load_state()
    assert "no longer works" in other.content()
