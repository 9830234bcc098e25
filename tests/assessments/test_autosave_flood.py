"""Issue 14, finding 4: an autosave flood from one invitation link.

A script posting hundreds of saves a second from one token used to add a full revision per save
(megabytes a second) and slowed every other candidate's saves. Now saves are rate-limited per
attempt (HTTP 429 with Retry-After), one revision is kept per window of a few seconds (holding the
latest text of that window), revisions and their bytes per answer are capped by thinning older
intermediate ones, and the last text the server acknowledged is never lost.

The limits under test are the documented defaults (docs/deployment.md, "Autosave limits"):
a burst of 20 saves per attempt, then one a second; one revision per 5-second window; at most 200
revisions and 2,000,000 bytes of revisions per answer. The thinning tests lower the caps with
``override_settings`` so that they need a dozen saves rather than hundreds.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Sum
from django.test import Client, override_settings
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.attempts import save_over_http
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

QUESTIONS_USED = ["type-1-vs-type-2-errors", "support-vector-machine", "loss-function"]  # `published`
BURST = 20  # saves an attempt may make at once
PER_SECOND = 1.0  # then this many a second
WINDOW_SECONDS = 5  # one revision per window
FLOOD = 300


@pytest.fixture
def bank(db):
    """Only the questions used here (see tests/assessments/small_bank.py)."""
    return import_small_bank(QUESTIONS_USED)


def _started(published, recruiter, email: str) -> tuple[m.Attempt, str, int]:
    invitation, token = services.invite(published, "Flo Od", email, recruiter)
    attempt = services.start_attempt(invitation)
    item_id = attempt.answers.get(item__position=0).item_id
    return attempt, token, item_id


def _answer(attempt: m.Attempt, item_id: int) -> m.Answer:
    return m.Answer.objects.get(attempt=attempt, item_id=item_id)


def _revision_texts(answer: m.Answer) -> list[str]:
    return list(answer.revisions.order_by("revision").values_list("content", flat=True))


def _stored_bytes(answer: m.Answer) -> int:
    return sum(len(text.encode()) for text in _revision_texts(answer))


def _next_window(answer: m.Answer) -> None:
    """Let the current revision window end: what waiting WINDOW_SECONDS would do, without the wait."""
    earlier = timedelta(seconds=WINDOW_SECONDS + 1)
    for revision in answer.revisions.all():
        m.AnswerRevision.objects.filter(pk=revision.pk).update(saved_at=revision.saved_at - earlier)


def _retry_after(response) -> int:
    value = response.headers.get("Retry-After")
    assert value is not None and value.isdigit(), f"a 429 without a usable Retry-After: {value!r}"
    return int(value)


def test_a_flood_from_one_token_is_refused_and_stores_bounded_revisions(client, published, recruiter):
    attempt, token, item_id = _started(published, recruiter, "flood@example.com")
    other, other_token, other_item = _started(published, recruiter, "calm@example.com")
    calm = Client()
    text = "x" * 4_000  # a long answer: each revision of the old code stored all of it
    statuses: list[int] = []
    other_statuses: list[int] = []
    began = time.monotonic()
    for n in range(FLOOD):
        response = save_over_http(client, token, item_id, f"{n:04d} {text}")
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert _retry_after(response) >= 1
            assert "error" in response.json()
        if n % 30 == 0:  # another candidate typing meanwhile, every few seconds of theirs
            other_statuses.append(
                save_over_http(calm, other_token, other_item, f"calm answer {n}").status_code
            )
    elapsed = time.monotonic() - began

    accepted = statuses.count(200)
    assert set(statuses) <= {200, 429}, statuses
    assert accepted <= BURST + PER_SECOND * elapsed + 1, (accepted, elapsed)
    assert statuses.count(429) >= FLOOD - BURST - PER_SECOND * elapsed - 1
    # The other attempt is never refused: the limit is per attempt, not global.
    assert other_statuses == [200] * len(other_statuses)

    answer = _answer(attempt, item_id)
    revisions = answer.revisions.count()
    assert revisions <= elapsed / WINDOW_SECONDS + 2, (revisions, elapsed)
    assert _stored_bytes(answer) <= revisions * len(f"0000 {text}")
    # The answer holds the last save the server accepted.
    last_accepted = max(n for n, status in enumerate(statuses) if status == 200)
    assert answer.content == f"{last_accepted:04d} {text}"
    assert _revision_texts(answer)[-1] == answer.content


def test_the_last_acknowledged_text_is_kept_through_refusals_and_submit(client, published, recruiter):
    attempt, token, item_id = _started(published, recruiter, "burst@example.com")
    acknowledged = None
    refused = []
    for n in range(BURST + 15):
        content = f"draft number {n}"
        response = save_over_http(client, token, item_id, content)
        if response.status_code == 200:
            acknowledged = content
        else:
            assert response.status_code == 429
            refused.append((content, _retry_after(response)))
    assert refused, "a burst beyond the limit must be refused"
    assert acknowledged is not None
    answer = _answer(attempt, item_id)
    assert answer.content == acknowledged
    assert _revision_texts(answer)[-1] == acknowledged

    # What the page does with a 429: wait as told, then send the newest text again.
    newest, wait = refused[-1]
    assert wait <= 5  # a candidate's page is never told to wait long
    time.sleep(wait)
    assert save_over_http(client, token, item_id, newest).status_code == 200
    assert _answer(attempt, item_id).content == newest

    # A refused save after that acknowledged one does not replace it...
    for n in range(BURST + 5):
        if save_over_http(client, token, item_id, f"flood {n}").status_code == 429:
            break
    else:
        pytest.fail("the limit never refused a save")
    kept = _answer(attempt, item_id).content
    # ...and submitting keeps the acknowledged text as the answer that is scored.
    assert client.post(f"/take/{token}/submit/").status_code == 200
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
    answer = _answer(attempt, item_id)
    assert answer.content == kept and kept != ""
    assert _revision_texts(answer)[-1] == kept
    assert answer.scores.filter(primary=True).exists()


def test_a_window_keeps_one_revision_with_its_latest_text(published, recruiter):
    attempt, _, item_id = _started(published, recruiter, "window@example.com")
    services.autosave(attempt, item_id, "first words")
    services.autosave(attempt, item_id, "first words and more")
    services.autosave(attempt, item_id, "first words and more still")
    answer = _answer(attempt, item_id)
    assert _revision_texts(answer) == ["first words and more still"]
    assert answer.revision == 3  # every accepted change is counted for the page

    _next_window(answer)
    services.autosave(attempt, item_id, "a second paragraph")
    services.autosave(attempt, item_id, "a second paragraph, finished")
    answer = _answer(attempt, item_id)
    assert _revision_texts(answer) == ["first words and more still", "a second paragraph, finished"]
    assert answer.revisions.order_by("revision").last().revision == answer.revision == 5
    assert answer.content == "a second paragraph, finished"


@override_settings(MLINTERVIEW_AUTOSAVE_LIMITS={"max_revisions": 5})
def test_thinning_caps_revisions_and_keeps_the_first_and_the_current_text(published, recruiter):
    attempt, _, item_id = _started(published, recruiter, "thin@example.com")
    typed = [f"version {n} of the answer" for n in range(9)]  # 18 saves: within the burst
    for text in typed:
        services.autosave(attempt, item_id, text + " (typing)")
        services.autosave(attempt, item_id, text)  # the latest text of this window
        _next_window(_answer(attempt, item_id))
    answer = _answer(attempt, item_id)
    kept = _revision_texts(answer)
    assert len(kept) <= 5
    assert kept[0] == typed[0] and kept[-1] == typed[-1] == answer.content
    # Only whole windows were dropped: each kept revision is a window's latest text, in order.
    assert all(text in typed for text in kept)
    assert [typed.index(text) for text in kept] == sorted(typed.index(text) for text in kept)
    # Thinning spreads what is kept over the attempt rather than dropping only the oldest.
    assert len(kept) >= 3


@override_settings(MLINTERVIEW_AUTOSAVE_LIMITS={"max_revision_bytes": 10_000})
def test_thinning_caps_the_bytes_of_an_answers_revisions(published, recruiter):
    attempt, _, item_id = _started(published, recruiter, "bytes@example.com")
    last = ""
    for n in range(10):
        last = f"{n} " + "é" * 1_500  # two bytes a character: ~3 KB a revision
        services.autosave(attempt, item_id, last)
        _next_window(_answer(attempt, item_id))
    answer = _answer(attempt, item_id)
    assert _stored_bytes(answer) <= 10_000
    assert answer.revisions.aggregate(total=Sum("size"))["total"] == _stored_bytes(answer)
    assert answer.content == last and _revision_texts(answer)[-1] == last
    assert len(_revision_texts(answer)) >= 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the roles (groups)
def test_concurrent_saves_from_several_processes_share_one_limit(published, recruiter):
    """Saves arriving at once through separate database connections (as from several gunicorn
    workers) spend one allowance: the row lock decides, not what each connection read first."""
    attempt, _, item_id = _started(published, recruiter, "threads@example.com")
    senders = 40
    start = threading.Barrier(senders)
    outcomes: list[str] = []

    def send(n: int) -> None:
        try:
            fresh = m.Attempt.objects.get(pk=attempt.pk)  # each read before any save is spent
            start.wait()
            services.autosave(fresh, item_id, f"sent by worker {n}")
            outcomes.append("saved")
        except services.SaveThrottled:
            outcomes.append("refused")
        finally:
            connection.close()

    began = time.monotonic()
    threads = [threading.Thread(target=send, args=(n,)) for n in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    assert len(outcomes) == senders, outcomes  # no save failed with an error
    assert outcomes.count("saved") <= BURST + PER_SECOND * elapsed + 1, (outcomes.count("saved"), elapsed)
    answer = _answer(attempt, item_id)
    assert answer.content.startswith("sent by worker") and _revision_texts(answer)[-1] == answer.content


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the roles (groups)
def test_the_page_waits_out_a_refusal_at_time_up_and_its_text_is_saved(
    live_server, published, recruiter, monkeypatch
):
    """The candidate page in a real browser: time runs out while the attempt's saves are refused
    (HTTP 429). The page must wait as told and send the text again before it submits; a page that
    submitted straight after the refusal lost the last text typed."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the ORM is called beside Playwright
    attempt, token, item_id = _started(published, recruiter, "browser@example.com")
    now = timezone.now()
    # Time is up in 5 s, and the saves of the next 8 s are refused (the burst was spent).
    m.Attempt.objects.filter(pk=attempt.pk).update(
        deadline=now + timedelta(seconds=5),
        save_allowance_full_at=now + timedelta(seconds=(BURST - 1) / PER_SECOND + 8),
    )
    statuses: list[int] = []
    typed = "The last sentence typed before the time ran out."
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("response", lambda r: statuses.append(r.status) if r.url.endswith("/save/") else None)
            page.goto(f"{live_server.url}/take/{token}/item/0/")
            page.fill("#content", typed)
            page.wait_for_url("**/take/done/**", timeout=30_000)
        finally:
            browser.close()
    assert 429 in statuses and statuses[-1] == 200, statuses
    answer = _answer(attempt, item_id)
    assert answer.content == typed
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None


def _spend_the_burst(attempt: m.Attempt, seconds_refused: float = 30) -> None:
    """As if the attempt had just made its whole burst of saves: the next ones are refused."""
    full_at = timezone.now() + timedelta(seconds=(BURST - 1) / PER_SECOND + seconds_refused)
    m.Attempt.objects.filter(pk=attempt.pk).update(save_allowance_full_at=full_at)


def test_a_navigation_post_over_the_limit_is_refused_and_the_saved_text_kept(client, published, recruiter):
    # Without the page's script the item buttons post the form: over the limit it says to go back.
    attempt, token, item_id = _started(published, recruiter, "noscript@example.com")
    assert save_over_http(client, token, item_id, "saved in time").status_code == 200
    _spend_the_burst(attempt)
    response = client.post(f"/take/{token}/save/", {"item": item_id, "content": "typed later", "go": "1"})
    assert response.status_code == 429 and _retry_after(response) >= 1
    assert "Go back to the item" in response.content.decode()
    assert _answer(attempt, item_id).content == "saved in time"


def test_a_trial_run_over_the_save_limit_is_refused_and_not_queued(client, bank, recruiter):
    assessment = services.create_assessment("Code", recruiter, time_limit_minutes=30)
    services.set_items(assessment.latest, [services.ItemSpec("exercise", "roc-auc")], recruiter)
    services.publish(assessment.latest, recruiter)
    invitation, token = services.invite(assessment.latest, "Cody", "cody@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    item_id = attempt.answers.get().item_id
    _spend_the_burst(attempt)
    response = client.post(
        f"/take/{token}/run/",
        data=json.dumps({"item": item_id, "content": "def roc_auc(y, s):\n    return 0.5\n"}),
        content_type="application/json",
    )
    assert response.status_code == 429 and _retry_after(response) == response.json()["retry_after"]
    assert not m.TrialRun.objects.filter(attempt=attempt).exists()
    assert _answer(attempt, item_id).content == ""
