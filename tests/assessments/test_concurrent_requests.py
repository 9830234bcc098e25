"""Requests of one candidate arriving at once, over HTTP, against the live test server.

CI run 26 (SQLite): a candidate's page sent its first activity reports while it autosaved; one
report failed with ``IntegrityError: UNIQUE constraint failed: assessments_attemptactivity.attempt_id``,
a save with a 503, and the code item never opened. The cause was the test database, not the
application: pytest-django's SQLite test database lived in memory, and Django's live server then
hands every request thread *the same connection*, so two requests' transactions interleaved on
it (one request's ``atomic`` became a savepoint inside the other's). In production each thread has
its own connection to the database file and SQLite queues the writers (``BEGIN IMMEDIATE``).
The test database is now a file as well (``tests/conftest.py``), so this test and the browser
tests see what production does.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

import pytest
from django.db import connection

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the roles

QUESTIONS_USED = ["type-1-vs-type-2-errors", "support-vector-machine", "loss-function"]  # `published`


@pytest.fixture
def bank(db):
    from tests.assessments.small_bank import import_small_bank

    return import_small_bank(QUESTIONS_USED)


def test_the_test_database_gives_each_thread_its_own_connection():
    """What the live server's request threads share decides whether their transactions can
    interleave: nothing, as in production."""
    assert not (connection.vendor == "sqlite" and connection.is_in_memory_db())


def _post(opener, url: str, body: dict, csrf: str) -> int:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf},
    )
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_first_reports_and_saves_sent_at_once_all_land(live_server, published, recruiter):
    rounds, statuses = 8, []
    for n in range(rounds):
        invitation, token = services.invite(published, "Con Current", f"c{n}@example.com", recruiter)
        attempt = services.start_attempt(invitation)
        items = list(attempt.answers.order_by("item__position").values_list("item_id", flat=True))
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        with opener.open(f"{live_server.url}/take/{token}/item/0/", timeout=60):
            pass
        csrf = next(c.value for c in jar if c.name == "csrftoken")
        base = f"{live_server.url}/take/{token}"
        calls = []
        for item in items[:2]:
            report = {"item": item, "pastes": [{"chars": 30}], "away": [{"event": "left"}]}
            calls.append((f"{base}/activity/", report))
            calls.append((f"{base}/save/", {"item": item, "content": f"Answer to {item}, round {n}."}))
        start = threading.Barrier(len(calls))

        def send(url: str, body: dict, opener=opener, csrf=csrf, start=start) -> None:
            start.wait()
            statuses.append((url.rsplit("/", 2)[-2], _post(opener, url, body, csrf)))

        threads = [threading.Thread(target=send, args=call) for call in calls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert [s for s in statuses if s[1] != 200] == []
    assert m.AnswerActivity.objects.filter(pastes=1).count() == 2 * rounds
    assert m.AttemptActivity.objects.count() == rounds
    assert m.Answer.objects.exclude(content="").count() == 2 * rounds
