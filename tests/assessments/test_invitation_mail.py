"""Issue 15, point 1: invitations that really arrive.

Mail goes through Django's email framework to a real SMTP server started by the test (aiosmtpd,
tests/smtp.py); the background task that sends it runs on the Tasks API's immediate backend, after
the request's transaction commits as it would with the worker. The link in the received message is
followed with the test client: the candidate's landing page opens. The invitation records what
happened (queued, sent, failed with the error, or kept by a development backend) and the
recruiter's page says so; resend, revoke, expiry per assessment and the reminder job are checked
through what the SMTP server receives. Reminders are checked with time travel: the job takes "now".
"""

from __future__ import annotations

import logging
import re
import socket
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.smtp import bodies, smtp_server

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^/\s\"]+(/take/[A-Za-z0-9_-]{20,}/)")


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["mail", "scoring", "trials", "judging", "default"],
        }
    }


@pytest.fixture
def smtp(settings, immediate_tasks):
    with smtp_server() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 10
        yield server


@pytest.fixture
def rita_client(recruiter) -> Client:
    client = Client()
    client.force_login(recruiter)
    return client


def _invite(
    client, version, django_capture_on_commit_callbacks, name="Ada Lovelace", email="ada@example.com"
):
    url = f"/assessments/{version.assessment_id}/invite/"
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, {"name": name, "email": email}, follow=True)


def _link(message) -> str:
    plain, html = bodies(message)
    found = LINK.search(plain)
    assert found, plain
    assert found.group(1) in html  # both bodies carry the same link
    return found.group(1)


def _status_cell(page: str, email: str) -> str:
    row = next(r for r in page.split("<tr")[1:] if email in r)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))


def test_an_invitation_arrives_over_smtp_with_a_link_that_opens_the_landing_page(
    smtp, published, rita_client, django_capture_on_commit_callbacks
):
    response = _invite(rita_client, published, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert len(smtp.received.messages) == 1
    message = smtp.received.messages[0]
    assert smtp.received.recipients[0] == ["ada@example.com"]
    assert "Screen" in message["Subject"]
    plain, html = bodies(message)
    assert plain and html and "Ada Lovelace" in plain
    link = _link(message)

    candidate = Client()
    landing = candidate.get(link)
    assert landing.status_code == 200
    assert "Screen" in landing.content.decode() and "/start/" in landing.content.decode()

    invitation = m.Invitation.objects.get(candidate__email="ada@example.com")
    delivery = invitation.delivery
    assert delivery.status == m.InvitationMail.Status.SENT and delivery.finished_at is not None
    assert invitation.sent_at is not None
    page = rita_client.get(f"/assessments/{published.assessment_id}/").content.decode()
    assert "Sent" in _status_cell(page, "ada@example.com")


def test_a_failed_delivery_is_recorded_with_its_error_and_never_shown_as_sent(
    settings, immediate_tasks, published, rita_client, django_capture_on_commit_callbacks
):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed.getsockname()[1]
        settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
        _invite(rita_client, published, django_capture_on_commit_callbacks)
    finally:
        closed.close()
    invitation = m.Invitation.objects.get(candidate__email="ada@example.com")
    delivery = invitation.delivery
    assert delivery.status == m.InvitationMail.Status.FAILED
    assert "refused" in delivery.error.lower() or "connect" in delivery.error.lower()
    assert invitation.sent_at is None and invitation.status != m.Invitation.Status.SENT
    page = rita_client.get(f"/assessments/{published.assessment_id}/").content.decode()
    cell = _status_cell(page, "ada@example.com")
    assert "Failed" in cell and "Sent" not in cell
    assert "emailed" not in page.lower()


def test_a_queued_invitation_says_queued_until_the_worker_sends_it(
    settings, published, rita_client, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["mail", "scoring", "trials", "judging", "default"],
        }
    }
    _invite(rita_client, published, django_capture_on_commit_callbacks)
    invitation = m.Invitation.objects.get(candidate__email="ada@example.com")
    assert invitation.delivery.status == m.InvitationMail.Status.QUEUED
    cell = _status_cell(rita_client.get(f"/assessments/{published.assessment_id}/").content.decode(), "ada@")
    assert "Queued" in cell and "Sent" not in cell


def test_the_development_backend_is_named_and_the_token_reaches_no_log(
    settings, immediate_tasks, published, rita_client, django_capture_on_commit_callbacks, capsys, caplog
):
    settings.EMAIL_BACKEND = "mlinterview.web.mail.RedactingConsoleBackend"
    caplog.set_level(logging.DEBUG)
    _invite(rita_client, published, django_capture_on_commit_callbacks)
    invitation = m.Invitation.objects.get(candidate__email="ada@example.com")
    token = services.link_token(invitation)
    printed = capsys.readouterr()
    assert "/take/<redacted>/" in printed.out
    assert token not in printed.out + printed.err + caplog.text

    delivery = invitation.delivery
    assert delivery.status == m.InvitationMail.Status.HELD and "console" in delivery.delivered_to
    assert invitation.sent_at is None
    page = rita_client.get(f"/assessments/{published.assessment_id}/").content.decode()
    cell = _status_cell(page, "ada@example.com")
    assert "console" in cell.lower() and "Sent" not in cell

    outbox = rita_client.get("/assessments/outbox/")
    assert outbox.status_code == 200
    text = outbox.content.decode()
    assert "ada@example.com" in text and "console" in text.lower() and "not sent" in text.lower()
    # The outbox gives the developer the working link (it is a page, not a log).
    assert f"/take/{token}/" in text
    assert Client().get(f"/take/{token}/").status_code == 200


def test_the_outbox_is_closed_when_mail_goes_to_a_real_server(smtp, rita_client):
    assert rita_client.get("/assessments/outbox/").status_code == 404


def test_the_outbox_lists_only_the_invitations_a_user_manages(
    settings, immediate_tasks, published, rita_client, django_user_model, django_capture_on_commit_callbacks
):
    from tests.assessments.conftest import _staff

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _invite(rita_client, published, django_capture_on_commit_callbacks)
    other = Client()
    other.force_login(_staff(django_user_model, "ivan2", "interviewer"))
    assert other.get("/assessments/outbox/").status_code == 403
    assert "ada@example.com" in rita_client.get("/assessments/outbox/").content.decode()


def test_resend_issues_a_fresh_link_and_the_old_one_stops_working(
    smtp, published, rita_client, django_capture_on_commit_callbacks
):
    _invite(rita_client, published, django_capture_on_commit_callbacks)
    first = _link(smtp.received.messages[0])
    invitation = m.Invitation.objects.get(candidate__email="ada@example.com")
    url = f"/assessments/{published.assessment_id}/invitations/{invitation.pk}/resend/"
    with django_capture_on_commit_callbacks(execute=True):
        assert rita_client.post(url).status_code == 302
    assert len(smtp.received.messages) == 2
    second = _link(smtp.received.messages[1])
    assert second != first
    assert Client().get(first).status_code == 403
    assert Client().get(second).status_code == 200
    assert invitation.mails.count() == 2


def test_revoke_stops_the_link_and_the_page_says_so(
    smtp, published, rita_client, django_capture_on_commit_callbacks
):
    _invite(rita_client, published, django_capture_on_commit_callbacks)
    link = _link(smtp.received.messages[0])
    invitation = m.Invitation.objects.get(candidate__email="ada@example.com")
    url = f"/assessments/{published.assessment_id}/invitations/{invitation.pk}/revoke/"
    assert rita_client.post(url).status_code == 302
    refused = Client().get(link)
    assert refused.status_code == 403 and "withdrawn" in refused.content.decode()
    page = rita_client.get(f"/assessments/{published.assessment_id}/").content.decode()
    assert "Revoked" in _status_cell(page, "ada@example.com")
    # No reminder for a revoked invitation, even on its last day.
    invitation.refresh_from_db()
    assert services.send_due_reminders(now=invitation.expires_at - timedelta(hours=1)) == 0


def test_only_people_who_manage_the_assessment_may_resend_or_revoke(
    smtp, published, recruiter, interviewer, django_user_model, django_capture_on_commit_callbacks
):
    from mlinterview.web.accounts.models import Membership, Team
    from mlinterview.web.accounts.teams import add_member

    invitation, token = services.invite(published, "Ada Lovelace", "ada@example.com", recruiter)
    team_b = Team.objects.create(name="Team B")
    bob = django_user_model.objects.create_user("bob", password="pw-for-tests-only", is_staff=True)
    from django.contrib.auth.models import Group

    bob.groups.add(Group.objects.get(name="recruiter"))
    add_member(team_b, bob, Membership.Role.RECRUITER)
    base = f"/assessments/{published.assessment_id}/invitations/{invitation.pk}"
    for user in (interviewer, bob):
        client = Client()
        client.force_login(user)
        for action in ("resend", "revoke"):
            with django_capture_on_commit_callbacks(execute=True):
                answer = client.post(f"{base}/{action}/")
            assert answer.status_code in (403, 404), (user.username, action, answer.status_code)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and not smtp.received.messages
    assert Client().get(f"/take/{token}/").status_code == 200


def test_expiry_is_set_per_assessment_and_used_for_new_links(
    smtp, published, rita_client, django_capture_on_commit_callbacks
):
    assessment = published.assessment
    assert assessment.link_valid_days == 14  # the default
    answer = rita_client.post(
        f"/assessments/{assessment.pk}/invitation-settings/", {"link_valid_days": 3, "reminder_hours": 24}
    )
    assert answer.status_code == 302
    assessment.refresh_from_db()
    assert (assessment.link_valid_days, assessment.reminder_hours) == (3, 24)
    before = timezone.now()
    _invite(rita_client, published, django_capture_on_commit_callbacks)
    invitation = m.Invitation.objects.get(candidate__email="ada@example.com")
    assert before + timedelta(days=3) <= invitation.expires_at <= timezone.now() + timedelta(days=3)
    plain, _ = bodies(smtp.received.messages[0])
    assert timezone.localtime(invitation.expires_at).strftime("%-d %B %Y") in plain


def test_a_reminder_is_sent_once_before_the_deadline_by_the_periodic_job(
    smtp, published, rita_client, django_capture_on_commit_callbacks
):
    _invite(rita_client, published, django_capture_on_commit_callbacks)
    link = _link(smtp.received.messages[0])
    invitation = m.Invitation.objects.get(candidate__email="ada@example.com")
    window = timedelta(hours=published.assessment.reminder_hours)
    assert window == timedelta(hours=48)
    # Time travel: a week later, still outside the reminder window: nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(now=invitation.expires_at - window - timedelta(minutes=1)) == 0
    assert len(smtp.received.messages) == 1
    # Inside the window: one reminder, with a link that works.
    inside = invitation.expires_at - window + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(now=inside) == 1
    assert len(smtp.received.messages) == 2
    reminder = smtp.received.messages[1]
    assert "reminder" in reminder["Subject"].lower()
    assert _link(reminder) == link and Client().get(link).status_code == 200
    # The job runs again (every worker, every few seconds): no second reminder.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(now=inside + timedelta(minutes=5)) == 0
        assert services.send_due_reminders(now=inside + timedelta(hours=5)) == 0
    assert len(smtp.received.messages) == 2
    assert invitation.mails.filter(kind=m.InvitationMail.Kind.REMINDER).count() == 1
    # After the deadline, or once started, never.
    assert services.send_due_reminders(now=invitation.expires_at + timedelta(hours=1)) == 0


def test_no_reminder_once_the_candidate_started(
    smtp, published, recruiter, django_capture_on_commit_callbacks
):
    invitation, token = services.invite(published, "Ada Lovelace", "ada@example.com", recruiter)
    services.start_attempt(services.resolve_token(token))
    invitation.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(now=invitation.expires_at - timedelta(hours=1)) == 0
    assert not smtp.received.messages


def test_the_worker_runs_the_reminder_job():
    """The worker's recovery loop runs every registered sweep; the reminders are one of them."""
    from mlinterview.web.assessments.jobs.recovery import reconcile

    assert "reminded" in reconcile()


def test_mail_bodies_come_from_templates_an_administrator_can_override(
    smtp, settings, tmp_path, published, rita_client, django_capture_on_commit_callbacks
):
    folder = tmp_path / "templates" / "assessments" / "email"
    folder.mkdir(parents=True)
    (folder / "invitation.txt").write_text("Dear {{ name }}, our own words. Start: {{ url }}\n")
    (folder / "invitation.html").write_text('<p>Dear {{ name }}, <a href="{{ url }}">our own start</a></p>')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}
    ]
    _invite(rita_client, published, django_capture_on_commit_callbacks)
    plain, html = bodies(smtp.received.messages[0])
    assert plain.startswith("Dear Ada Lovelace, our own words.")
    assert "our own start" in html
    assert Client().get(_link(smtp.received.messages[0])).status_code == 200


def test_the_override_folder_is_in_the_data_directory(tmp_path):
    from mlinterview.web.config import build_settings

    built = build_settings({"MLINTERVIEW_DATA_DIR": str(tmp_path)})
    assert built["TEMPLATES"][0]["DIRS"][0] == tmp_path.resolve() / "templates"
