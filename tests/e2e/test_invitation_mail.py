"""Issue 15, point 1, in a real browser: the app (gunicorn and a worker) is configured with an SMTP
server this test runs (aiosmtpd, tests/smtp.py). The recruiter invites a candidate; the worker
mails the invitation; the link in the received message opens the candidate's landing page; the
reminder job (run by the worker's recovery loop every second here) reminds once when the deadline
nears, shown by moving the invitation's recorded times back instead of waiting; Resend mails a
new link and the old one stops working; Revoke withdraws the link.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.e2e.conftest import App, mailing_app, sign_in
from tests.smtp import SmtpServer, bodies, smtp_server

pytestmark = pytest.mark.slow

LINK = re.compile(r"https?://[^/\s\"]+(/take/[A-Za-z0-9_-]{20,}/)")
SETUP_SCRIPT = """
from mlinterview.web.assessments import services
from mlinterview.web.accounts.models import User
rita = User.objects.get(username="rita")
a = services.create_assessment("Mail screen", rita, 20)
services.set_items(a.latest, [services.ItemSpec("question", "loss-function")], rita)
services.publish(a.latest, rita)
print(a.pk)
"""


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


@pytest.fixture(scope="module")
def mail_app(tmp_path_factory: pytest.TempPathFactory, smtp: SmtpServer) -> Iterator[App]:
    with mailing_app(tmp_path_factory.mktemp("e2e-mail"), smtp.host, smtp.port) as instance:
        yield instance


def _messages(smtp: SmtpServer, count: int, timeout: float = 120) -> list:
    """Wait until the SMTP server holds ``count`` messages (the worker sends them)."""
    deadline = time.monotonic() + timeout
    while len(smtp.received.messages) < count:
        assert time.monotonic() < deadline, f"{len(smtp.received.messages)} message(s), expected {count}"
        time.sleep(0.2)
    return smtp.received.messages


def _link(message) -> str:
    plain, html = bodies(message)
    found = LINK.search(plain)
    assert found and found.group(1) in html, plain
    return found.group(1)


def _db_time(moment: datetime, app: App) -> object:
    return moment if app.pg_url else moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def test_invitation_reminder_resend_and_revoke(mail_app: App, smtp: SmtpServer, browser, shot) -> None:
    app = mail_app
    pk = app.cli("manage", "shell", "-c", SETUP_SCRIPT).stdout.strip().splitlines()[-1]
    staff = browser.new_context()
    page = staff.new_page()
    sign_in(page, app, "rita")
    page.goto(f"{app.url}/assessments/{pk}/")
    page.fill("#inv-name", "Ada Candidate")
    page.fill("#inv-email", "ada@example.com")
    page.click("form[aria-label='Invite one candidate'] button")
    invitation = _messages(smtp, 1)[0]
    assert smtp.received.recipients[0] == ["ada@example.com"]
    first = _link(invitation)

    candidate = browser.new_context().new_page()
    candidate.goto(app.url + first)
    assert "Mail screen" in candidate.content()
    assert candidate.locator("text=Start the assessment").count() == 1

    app.wait_for("SELECT status FROM assessments_invitationmail WHERE kind = 'invitation'", "sent")
    page.goto(f"{app.url}/assessments/{pk}/")
    row = page.locator("tr", has_text="ada@example.com")
    assert "Sent invitation" in row.locator("td.delivery").inner_text()
    shot(page, "invitation-sent")

    # Time travel: the invitation was made 13 days ago and its link expires in a day, inside the
    # 48-hour reminder window. The worker's job sends one reminder with the same link, once.
    now = datetime.now(UTC)
    conn = app.db()
    try:
        conn.execute(
            "UPDATE assessments_invitationmail SET created_at = ?", (_db_time(now - timedelta(days=13), app),)
        )
        conn.execute(
            "UPDATE assessments_invitation SET expires_at = ?", (_db_time(now + timedelta(days=1), app),)
        )
        if not app.pg_url:
            conn.commit()
    finally:
        conn.close()
    reminder = _messages(smtp, 2)[1]
    assert "Reminder" in reminder["Subject"] and _link(reminder) == first

    # Resend: a new link arrives, the old one no longer opens.
    page.goto(f"{app.url}/assessments/{pk}/")
    page.click("button[aria-label='Resend a new link to ada@example.com']")
    page.wait_for_load_state()
    assert "previous link no longer works" in page.content()
    second = _link(_messages(smtp, 3)[2])
    assert second != first
    old = candidate.goto(app.url + first)
    assert old is not None and old.status == 403
    fresh = candidate.goto(app.url + second)
    assert fresh is not None and fresh.status == 200 and "Mail screen" in candidate.content()

    # Revoke: the link is withdrawn and the page says so.
    page.click("button[aria-label='Revoke the link of ada@example.com']")
    row = page.locator("tr", has_text="ada@example.com")
    assert "Revoked" in row.locator("td.status").inner_text()
    shot(page, "invitation-revoked")
    gone = candidate.goto(app.url + second)
    assert gone is not None and gone.status == 403 and "withdrawn" in candidate.content()
    # The job ran every second all along: one reminder in all, and nothing else was sent.
    kinds = [m["Subject"].split(":")[0] for m in smtp.received.messages]
    assert kinds == ["Your assessment", "Reminder", "Your assessment"], kinds


SECOND_SCRIPT = """
from mlinterview.web.assessments import services
from mlinterview.web.accounts.models import User
rita = User.objects.get(username="rita")
made = []
for title in ("First screen", "Second screen", "Third screen"):
    a = services.create_assessment(title, rita, 20)
    services.set_items(a.latest, [services.ItemSpec("question", "loss-function")], rita)
    services.publish(a.latest, rita)
    made.append(a)
services.invite(made[0].latest, "Grace Hopper", "grace@example.com", rita)
print(made[1].pk, made[2].pk)
"""


def _names(app: App, email: str) -> list[str]:
    conn = app.db()
    try:
        return [
            r[0] for r in conn.execute("SELECT name FROM assessments_candidate WHERE email = ?", (email,))
        ]
    finally:
        conn.close()


def test_inviting_a_known_email_under_another_name_asks_which_name(mail_app: App, browser, shot) -> None:
    """Issue 15, point 2: the page warns and the recruiter chooses; nothing is renamed silently."""
    app = mail_app
    second, third = app.cli("manage", "shell", "-c", SECOND_SCRIPT).stdout.strip().splitlines()[-1].split()
    page = browser.new_context().new_page()
    sign_in(page, app, "rita")
    for pk, choice, expected in ((second, "keep", "Grace Hopper"), (third, "typed", "Grace B. Hopper")):
        page.goto(f"{app.url}/assessments/{pk}/")
        page.fill("#inv-name", "Grace B. Hopper")
        page.fill("#inv-email", "grace@example.com")
        page.click("form[aria-label='Invite one candidate'] button")
        warning = page.locator(".name-conflict")
        assert "already a candidate named" in warning.inner_text()
        assert _names(app, "grace@example.com") == ["Grace Hopper"]  # nothing changed yet
        if choice == "keep":
            shot(page, "invitation-name-conflict")
        page.check(f"input[name='name_choice'][value='{choice}']")
        page.click('form[aria-label="Choose the candidate\'s name"] button')
        row = page.locator("tr", has_text="grace@example.com")
        assert expected in row.inner_text()
        assert _names(app, "grace@example.com") == [expected]
