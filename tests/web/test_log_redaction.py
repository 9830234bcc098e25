"""Invitation tokens stay out of logs: gunicorn's access log and the development email backend
(which prints every message) show /take/<redacted>/ instead of the candidate's link; the message
itself, as an SMTP backend would send it, keeps the link."""

from __future__ import annotations

import datetime
import logging
from types import SimpleNamespace

import pytest
from django.core import mail

from mlinterview.cli.web import gunicorn_argv
from mlinterview.web.config import build_settings

TOKEN = "Zm9vYmFyLXNlY3JldC10b2tlbi1mb3ItYS1jYW5kaWRhdGUtMQ"


def _gunicorn_logger():
    """The access logger gunicorn builds from the arguments ``mlinterview serve`` gives it."""
    from gunicorn.config import Config

    cfg = Config()
    args = cfg.parser().parse_args(gunicorn_argv("127.0.0.1", 8000, 1)[1:])
    for key, value in vars(args).items():
        if value is not None and key in cfg.settings:
            cfg.set(key, value)
    return cfg.logger_class(cfg)


def test_gunicorn_access_log_hides_the_token(capsys):
    logger = _gunicorn_logger()
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/take/{TOKEN}/item/2/?from=mail",
        "PATH_INFO": f"/take/{TOKEN}/item/2/",
        "QUERY_STRING": "from=mail",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.7",
        "HTTP_REFERER": f"https://hire.example.com/take/{TOKEN}/",
        "HTTP_USER_AGENT": "test-agent",
    }
    req = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"]), ("USER-AGENT", "test-agent")])
    resp = SimpleNamespace(status="200 OK", sent=512, headers=[("Content-Type", "text/html")])
    logger.access(resp, req, environ, datetime.timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()
    line = capsys.readouterr().out
    assert '"GET /take/<redacted>/item/2/?from=mail HTTP/1.1" 200 512' in line
    assert "https://hire.example.com/take/<redacted>/" in line
    assert TOKEN not in line
    logging.getLogger("gunicorn.access").handlers.clear()


def test_gunicorn_access_log_keeps_other_paths(capsys):
    logger = _gunicorn_logger()
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/take/done/", "SERVER_PROTOCOL": "HTTP/1.1"}
    logger.access(SimpleNamespace(status="200 OK", sent=1, headers=[]), {}, environ, datetime.timedelta(0))
    assert '"GET /take/done/ HTTP/1.1"' in capsys.readouterr().out
    logging.getLogger("gunicorn.access").handlers.clear()


def _invitation_message() -> mail.EmailMessage:
    return mail.EmailMessage(
        subject="Your assessment: Screen",
        body=f"Hello Zoë,\n\nStart here: https://hire.example.com/take/{TOKEN}/\n",
        to=["zoe@example.com"],
    )


def test_the_development_email_backend_is_the_redacting_one():
    assert build_settings({})["EMAIL_BACKEND"] == "mlinterview.web.mail.RedactingConsoleBackend"


def test_console_email_backend_prints_no_token(capsys):
    message = _invitation_message()
    connection = mail.get_connection(build_settings({})["EMAIL_BACKEND"])
    assert connection.send_messages([message]) == 1
    printed = capsys.readouterr().out
    assert "zoe@example.com" in printed and "Zoë" in printed
    assert "https://hire.example.com/take/<redacted>/" in printed
    assert TOKEN not in printed
    # Only the printed copy is redacted: the message a real backend sends keeps the link.
    assert f"/take/{TOKEN}/" in message.body and f"/take/{TOKEN}/" in message.message().as_string()


@pytest.mark.parametrize("kind", ["html alternative", "long line"])
def test_console_email_backend_redacts_every_form_of_the_body(capsys, kind):
    message = _invitation_message()
    if kind == "html alternative":
        message = mail.EmailMultiAlternatives(message.subject, message.body, to=message.to)
        message.attach_alternative(f'<a href="https://hire.example.com/take/{TOKEN}/">Start</a>', "text/html")
    else:
        message.body = "x" * 1200 + f" https://hire.example.com/take/{TOKEN}/\n"
    mail.get_connection("mlinterview.web.mail.RedactingConsoleBackend").send_messages([message])
    printed = capsys.readouterr().out
    assert TOKEN not in printed.replace("=\n", "") and "<redacted>" in printed.replace("=\n", "")
