"""Invitation tokens stay out of Django's own logs too: the ``django.request`` warnings for a refused
or missing page under /take/<token>/ and the development server's request log (``mlinterview
serve --dev`` runs runserver, whose handler logs each request to ``django.server``).

Logging is configured the way Django does it at start-up, from the LOGGING the settings build, with
the console handlers writing into a buffer; the development server is Django's own WSGI server and
request handler (the classes runserver uses) on a free port."""

from __future__ import annotations

import io
import json
import logging
import sys
import threading
import urllib.error
import urllib.request
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer, get_internal_wsgi_application
from django.utils.log import configure_logging

from mlinterview.web.config import _logging

pytestmark = pytest.mark.django_db(transaction=True)  # the server thread reads the test database

TOKEN = "c2VjcmV0LWludml0YXRpb24tdG9rZW4tZm9yLWEtdGVzdA"


@pytest.fixture(params=["text", "json"])
def log_output(request, monkeypatch):
    """What the console handlers print, with LOGGING built for the given log format."""
    application = get_internal_wsgi_application()  # first import sets Django up (and its logging) again
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)  # handlers bind the stream when they are built
    configure_logging(settings.LOGGING_CONFIG, _logging({"MLINTERVIEW_LOG_FORMAT": request.param}))
    yield SimpleNamespace(buffer=buffer, application=application)
    monkeypatch.undo()
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)


def _lines(output: SimpleNamespace) -> str:
    """The log as printed, with each JSON line's message after it (so both formats read alike)."""
    lines = []
    for line in output.buffer.getvalue().splitlines():
        lines.append(line)
        if line.startswith("{"):
            lines.append(json.loads(line)["message"])  # a JSON log stays one object a line
    return "\n".join(lines)


def test_django_request_warnings_hide_the_token(client, log_output):
    assert client.get(f"/take/{TOKEN}/").status_code == 403  # no such invitation
    assert client.get(f"/take/{TOKEN}/no-such-page/").status_code == 404
    out = _lines(log_output)
    assert "Forbidden: /take/<redacted>/" in out
    assert "Not Found: /take/<redacted>/no-such-page/" in out
    assert TOKEN not in out


def test_the_development_server_request_log_hides_the_token(log_output):
    server = WSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    server.set_app(log_output.application)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/take/{TOKEN}/item/1/", timeout=30)
        assert refused.value.code == 403
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    out = _lines(log_output)
    assert '"GET /take/<redacted>/item/1/ HTTP/1.1" 403' in out
    assert TOKEN not in out


def test_other_paths_are_logged_as_they_are(client, log_output):
    assert client.get("/no-such-page/take/").status_code == 404
    assert "Not Found: /no-such-page/take/" in _lines(log_output)


def test_a_traceback_and_its_message_hide_the_token(log_output):
    try:
        raise LookupError(f"no invitation at /take/{TOKEN}/")
    except LookupError:
        logging.getLogger("mlinterview.test").exception("request for %s failed", f"/take/{TOKEN}/start/")
    out = _lines(log_output)
    assert "request for /take/<redacted>/start/ failed" in out
    assert "LookupError: no invitation at /take/<redacted>/" in out
    assert TOKEN not in out
