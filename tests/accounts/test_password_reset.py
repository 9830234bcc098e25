"""Issue 14, finding 9: a password-reset flow by email, with Django's own auth views.

The mail goes through Django's email framework (the test run's locmem outbox); the whole flow is
followed as a person would: ask, open the link from the mail, choose a new password, sign in with it.
An unknown address gets exactly the answer a known one gets, and the reset link's token never
reaches a log (the development email backend and gunicorn's access log mask it).
"""

from __future__ import annotations

import datetime
import logging
import re
from types import SimpleNamespace

import pytest
from django.core import mail

from mlinterview.web.gunicorn_logging import RedactingLogger
from mlinterview.web.logs import redact_tokens

pytestmark = pytest.mark.django_db

OLD = "pw-for-tests-only"
NEW = "a-fresh-pass-phrase-91"
RESET_LINK = re.compile(r"https?://[^/\s]+(/reset/[A-Za-z0-9_-]+/[0-9a-z]+-[0-9a-f]+/)")


@pytest.fixture
def ada(django_user_model):
    return django_user_model.objects.create_user("ada", email="ada@example.com", password=OLD)


def _ask(client, email: str):
    return client.post("/password-reset/", {"email": email}, follow=True)


def test_the_sign_in_page_links_to_the_reset(client):
    assert 'href="/password-reset/"' in client.get("/login/").content.decode()


def test_the_whole_flow(client, ada):
    asked = _ask(client, "ada@example.com")
    assert asked.status_code == 200
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.com"]
    found = RESET_LINK.search(message.body)
    assert found, message.body
    link = found.group(1)

    opened = client.get(link, follow=True)
    assert opened.status_code == 200 and 'name="new_password1"' in opened.content.decode()
    set_url = opened.redirect_chain[-1][0]
    assert "set-password" in set_url
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW}, follow=True)
    assert done.status_code == 200 and "/reset/done/" in done.redirect_chain[-1][0]

    refused = client.post("/login/", {"username": "ada", "password": OLD})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    signed_in = client.post("/login/", {"username": "ada", "password": NEW})
    assert signed_in.status_code == 302 and "_auth_user_id" in client.session
    client.logout()

    # The link works once.
    again = client.get(link, follow=True)
    assert 'name="new_password1"' not in again.content.decode()


def test_an_unknown_address_gets_the_same_answer(client, ada):
    known = _ask(client, "ada@example.com")
    unknown = _ask(client, "nobody@example.com")
    assert len(mail.outbox) == 1
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content


def test_the_reset_token_stays_out_of_the_development_console(client, ada, capsys, settings):
    settings.EMAIL_BACKEND = "mlinterview.web.mail.RedactingConsoleBackend"
    _ask(client, "ada@example.com")
    printed = capsys.readouterr().out.replace("=\n", "")
    assert "ada@example.com" in printed
    assert "/reset/<redacted>/" in printed
    assert not RESET_LINK.search(printed), printed


def test_the_reset_token_stays_out_of_the_access_log(capsys):
    from gunicorn.config import Config

    path = "/reset/MQ/cz3k2a-0123456789abcdef0123456789abcdef/"
    assert redact_tokens(f"GET {path} HTTP/1.1") == "GET /reset/<redacted>/ HTTP/1.1"
    assert redact_tokens("/reset/done/") == "/reset/done/"
    logger = RedactingLogger(Config())
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": path, "PATH_INFO": path, "SERVER_PROTOCOL": "HTTP/1.1"}
    logger.access(SimpleNamespace(status="302 Found", sent=0, headers=[]), {}, environ, datetime.timedelta(0))
    for handler in logger.access_log.handlers:
        handler.flush()
    line = capsys.readouterr().out + capsys.readouterr().err
    assert "cz3k2a" not in line
    logging.getLogger("gunicorn.access").handlers.clear()


def test_production_mail_goes_out_by_smtp_when_a_server_is_named():
    """Reset links (and invitations) need a real mail server in production: naming one switches the
    backend from the development console to Django's SMTP backend."""
    from mlinterview.web.config import build_settings

    assert build_settings({})["EMAIL_BACKEND"] == "mlinterview.web.mail.RedactingConsoleBackend"
    smtp = build_settings(
        {
            "MLINTERVIEW_SMTP_HOST": "mail.example.com",
            "MLINTERVIEW_SMTP_PORT": "587",
            "MLINTERVIEW_SMTP_USER": "mlinterview",
            "MLINTERVIEW_SMTP_PASSWORD": "s3cret",
        }
    )
    assert smtp["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"]) == ("mail.example.com", 587)
    assert (smtp["EMAIL_HOST_USER"], smtp["EMAIL_HOST_PASSWORD"]) == ("mlinterview", "s3cret")
    assert smtp["EMAIL_USE_TLS"] is True  # STARTTLS unless turned off
    explicit = build_settings({"MLINTERVIEW_SMTP_HOST": "x", "MLINTERVIEW_EMAIL_BACKEND": "a.B"})
    assert explicit["EMAIL_BACKEND"] == "a.B"
