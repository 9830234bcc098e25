"""Issue 16, point 2: attempt integrity signals, disclosed to the candidate.

The candidate's page reports pastes, leaving the tab and a typing summary to
``take/<token>/activity/``. These tests check the endpoint's rules (CSRF, only the attempt's own
items, shape and number checks, size and rate limits, nothing stored after submission), that the
server clamps what it is told to what its own clock allows, the wording reviewers read, and that
the figures stay off the candidate's pages, the scores and the shortlist.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.assessments.services import activity
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

QUESTIONS_USED = ["type-1-vs-type-2-errors", "support-vector-machine", "loss-function"]  # `published`


@pytest.fixture
def bank(db):
    return import_small_bank(QUESTIONS_USED)


def _started(published, recruiter, email: str, minutes_ago: int = 10) -> tuple[m.Attempt, str, int]:
    """A started attempt whose clock began ``minutes_ago`` minutes ago: (attempt, token, item 1's id)."""
    invitation, token = services.invite(published, "Pat Aste", email, recruiter)
    attempt = services.start_attempt(invitation)
    begun = timezone.now() - timedelta(minutes=minutes_ago)
    m.Attempt.objects.filter(pk=attempt.pk).update(started_at=begun, deadline=begun + timedelta(minutes=30))
    attempt.refresh_from_db()
    return attempt, token, attempt.answers.get(item__position=0).item_id


def _report(client: Client, token: str, body: object, **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    url = f"/take/{token}/activity/"
    return client.post(url, data=data, content_type="application/json",
                       HTTP_ACCEPT="application/json", **extra)  # fmt: skip


def _answer_activity(attempt: m.Attempt, item_id: int) -> m.AnswerActivity | None:
    return m.AnswerActivity.objects.filter(answer__attempt=attempt, answer__item_id=item_id).first()


def test_a_report_is_stored_per_answer_and_attempt_and_reads_as_context(client, published, recruiter):
    attempt, token, item = _started(published, recruiter, "pat@example.com")
    typing = {"inputs": 300, "typed": 280, "inserted": 612, "largest": 612, "active_ms": 95_000}
    pastes, left = [{"chars": 612, "ms_ago": 2_000}], [{"event": "left"}]
    first = {"item": item, "pastes": pastes, "typing": typing, "away": left}
    assert _report(client, token, first).json() == {"recorded": True}
    # Back after 130 s by the page's clock: the server heard of the leave only now (by its clock
    # under a second ago), so 130 s is not believed yet; move the leave back 2 min 20 s.
    m.AttemptActivity.objects.filter(attempt=attempt).update(
        away_since=timezone.now() - timedelta(minutes=2, seconds=20)
    )
    back = {"item": item, "away": [{"event": "back", "ms": 130_000}, *left, {"event": "back", "ms": 0}]}
    assert _report(client, token, back).status_code == 200

    answer = _answer_activity(attempt, item)
    assert (answer.pastes, answer.pasted_chars, answer.largest_paste) == (1, 612, 612)
    assert [p["chars"] for p in answer.paste_log] == [612]
    pasted_at = timezone.datetime.fromisoformat(answer.paste_log[0]["at"])
    assert timedelta(seconds=1) < timezone.now() - pasted_at < timedelta(seconds=30)
    assert (answer.input_events, answer.typed_chars, answer.inserted_chars) == (300, 280, 612)
    assert answer.largest_insertion == 612 and answer.active_seconds == pytest.approx(95.0)
    whole = m.AttemptActivity.objects.get(attempt=attempt)
    assert (whole.times_away, whole.seconds_away, whole.reports, whole.away_since) == (2, 130.0, 2, None)

    assert activity.attempt_context(whole) == ["Left the tab 2 times, 2 min 10 s away in total."]
    assert activity.answer_context(answer, 640) == [
        "Pasted 612 characters in 1 paste.",
        "612 characters appeared in one input event (the answer has 640).",
        "Input events: 300 (280 characters typed a few at a time, 612 in larger blocks such as pastes; "
        "1 min 35 s of active typing).",
    ]


def test_numbers_are_clamped_to_what_the_servers_clock_allows(published, recruiter):
    attempt, _, item = _started(published, recruiter, "clamp@example.com", minutes_ago=0)
    start = attempt.started_at

    def at(seconds: float):
        return start + timedelta(seconds=seconds)

    # 60 s in: an impossible paste, more typed characters than 8 per input, 10^9 ms of typing.
    huge = activity.Report(
        item=item,
        pastes=[(10**7, 10**9)],
        typing=activity.Typing(inputs=10, typed=5_000, inserted=0, largest=8, active_ms=10**9),
        away=[None],
    )
    assert activity.record_report(attempt, huge, now=at(60))
    answer = _answer_activity(attempt, item)
    assert answer.pasted_chars == m.Answer.MAX_CHARS  # at most what an answer can hold
    assert timezone.datetime.fromisoformat(answer.paste_log[0]["at"]) == start  # not before the start
    assert answer.typed_chars == 80 and answer.active_seconds == pytest.approx(65.0)  # 60 s + 5 s slack
    # 70 s in: back "after an hour", but the server heard of the leave 10 s ago.
    assert activity.record_report(attempt, activity.Report(item=item, away=[3_600_000.0]), now=at(70))
    # 100 s in: a return whose leave never arrived counts one leave, within the 30 s since the
    # last report.
    assert activity.record_report(attempt, activity.Report(item=item, away=[10**8]), now=at(100))
    whole = m.AttemptActivity.objects.get(attempt=attempt)
    assert whole.times_away == 2 and whole.seconds_away == pytest.approx(15.0 + 35.0)
    # Active typing is bounded by the time since the previous report, however it is split.
    assert activity.record_report(
        attempt, activity.Report(item=item, typing=activity.Typing(inputs=1, active_ms=10**6)), now=at(102)
    )
    assert _answer_activity(attempt, item).active_seconds == pytest.approx(65.0 + 7.0)

    # Closed attempts store nothing: past the deadline and its grace, or submitted.
    late = attempt.deadline + services.LATE_SAVE_GRACE + timedelta(seconds=1)
    assert not activity.record_report(attempt, activity.Report(item=item, away=[None]), now=late)
    services.submit(attempt)
    assert not activity.record_report(attempt, activity.Report(item=item, away=[None]), now=at(200))
    assert m.AttemptActivity.objects.get(attempt=attempt).times_away == 2


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("not json", 400),
        ([1, 2], 400),
        ({"pastes": []}, 400),  # no item
        ({"item": "ITEM", "pastes": [{"chars": -5}]}, 400),
        ({"item": "ITEM", "pastes": [{"chars": True}]}, 400),
        ({"item": "ITEM", "pastes": [{"chars": "612"}]}, 400),
        ({"item": "ITEM", "pastes": [{"chars": 1.5}]}, 400),
        ({"item": "ITEM", "away": [{"event": "somewhere"}]}, 400),
        ({"item": "ITEM", "away": [{"event": "back", "ms": -1}]}, 400),
        ({"item": "ITEM", "typing": {"inputs": 1, "typed": 3, "largest": 50}}, 400),  # largest > added
        ({"item": "ITEM", "typing": {"inputs": 0, "inserted": 600, "largest": 600}}, 400),  # no event
        ({"item": "ITEM", "typing": {"inputs": activity.MAX_INPUTS + 1}}, 400),
        ({"item": "ITEM", "pastes": [{"chars": 1}] * (activity.MAX_PASTES + 1)}, 400),
        ({"item": "ITEM", "away": [{"event": "left"}] * (activity.MAX_AWAY_EVENTS + 1)}, 400),
        ({"item": "ITEM", "pad": "x" * activity.MAX_REPORT_BYTES}, 413),
    ],
)
def test_nonsense_and_oversized_reports_are_refused_whole(client, published, recruiter, body, status):
    attempt, token, item = _started(published, recruiter, "odd@example.com")
    if isinstance(body, dict) and body.get("item") == "ITEM":
        body = {**body, "item": item}
    response = _report(client, token, body)
    assert response.status_code == status, response.content
    assert "error" in response.json()
    assert not m.AttemptActivity.objects.filter(attempt=attempt).exists()
    assert not m.AnswerActivity.objects.filter(answer__attempt=attempt).exists()


def test_only_the_attempts_own_token_csrf_and_items_are_accepted(published, recruiter):
    ada, ada_token, ada_item = _started(published, recruiter, "ada@example.com")
    bob, bob_token, _ = _started(published, recruiter, "bob@example.com")
    client = Client()
    # A token writes only its own attempt: items are looked up among that attempt's answers.
    left = [{"event": "left"}]
    assert _report(client, bob_token, {"item": ada_item + 10_000, "away": left}).status_code == 400
    assert _report(client, "not-a-token", {"item": ada_item, "away": [{"event": "left"}]}).status_code == 403
    assert not m.AttemptActivity.objects.exists()
    # Both attempts share the published version's items, so Bob's report about that item is his own.
    assert _report(client, bob_token, {"item": ada_item, "away": [{"event": "left"}]}).status_code == 200
    assert m.AttemptActivity.objects.get().attempt == bob
    assert not m.AnswerActivity.objects.filter(answer__attempt=ada).exists()

    # CSRF: the page sends the form's token; a post without it is refused.
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(f"/take/{ada_token}/item/0/")
    assert 'data-activity-url="/take/' in page.content.decode()
    refused = _report(strict, ada_token, {"item": ada_item, "away": [{"event": "left"}]})
    assert refused.status_code == 403
    csrf = page.cookies["csrftoken"].value
    accepted = _report(strict, ada_token, {"item": ada_item, "away": left}, HTTP_X_CSRFTOKEN=csrf)
    assert accepted.status_code == 200
    assert m.AttemptActivity.objects.get(attempt=ada).times_away == 1

    # After submission the link is refused and nothing more is stored.
    services.submit(ada)
    late = _report(client, ada_token, {"item": ada_item, "away": [{"event": "left"}]})
    assert late.status_code == 403
    assert m.AttemptActivity.objects.get(attempt=ada).times_away == 1


def test_reports_are_rate_limited_per_attempt(client, published, recruiter):
    attempt, token, item = _started(published, recruiter, "fast@example.com")
    body = {"item": item, "pastes": [{"chars": 3}]}
    # A burst passes at once; then one a second (a slow machine may earn one more meanwhile).
    responses = []
    while len(responses) < 2 * activity.REPORT_BURST and (not responses or responses[-1].status_code == 200):
        responses.append(_report(client, token, body))
    statuses = [r.status_code for r in responses]
    assert statuses[: activity.REPORT_BURST] == [200] * activity.REPORT_BURST
    assert statuses[-1] == 429 and int(responses[-1].headers["Retry-After"]) >= 1
    assert _answer_activity(attempt, item).pastes == statuses.count(200)  # the refused one is not stored


def test_review_page_shows_the_context_candidates_never_do_and_scores_stay(
    client, published, recruiter, interviewer
):
    attempt, token, item = _started(published, recruiter, "eve@example.com")
    landing_client = Client()
    _, fresh = services.invite(published, "New Comer", "new@example.com", recruiter)
    landing = landing_client.get(f"/take/{fresh}/").content.decode()
    assert "how often you leave the page for another tab" in landing  # the landing page's notice
    assert "never decide anything" in landing
    assert "size and time of each paste" in landing  # and the privacy notice

    text = "A type I error rejects a true null hypothesis. " * 13
    services.autosave(attempt, item, text)
    typing = {"inputs": 1, "inserted": len(text), "largest": len(text)}
    body = {"item": item, "pastes": [{"chars": len(text)}], "typing": typing, "away": [{"event": "left"}]}
    assert _report(client, token, body).status_code == 200
    item_page = client.get(f"/take/{token}/item/0/").content.decode()
    assert "Attempt context" not in item_page and "Left the tab" not in item_page
    services.submit(attempt)
    before = list(m.Score.objects.filter(answer__attempt=attempt).values_list("pk", "status", "auto_value"))

    client.force_login(interviewer)
    review = client.get(f"/assessments/{published.assessment_id}/attempts/{attempt.pk}/")
    page = review.content.decode()
    assert review.status_code == 200
    assert "Attempt context" in page and "never a verdict" in page
    assert f"Pasted {len(text)} characters in 1 paste." in page
    assert f"{len(text)} characters appeared in one input event (the answer has {len(text)})." in page
    assert "Left the tab 1 time, 0 s away in total." in page
    assert "did not report coming back before the attempt ended" in page
    assert page.count("Nothing recorded for this answer.") == 2  # the two untouched items
    shortlist = client.get(f"/assessments/{published.assessment_id}/shortlist/").content.decode()
    assert "Pasted" not in shortlist and "Left the tab" not in shortlist
    after = list(m.Score.objects.filter(answer__attempt=attempt).values_list("pk", "status", "auto_value"))
    assert after == before


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0, "0 s"), (45.4, "45 s"), (60, "1 min"), (130, "2 min 10 s"), (3600, "1 h"), (3960, "1 h 6 min")],
)
def test_durations_in_words(seconds, words):
    assert activity.duration(seconds) == words


def test_context_wording_without_reports_and_with_several_pastes():
    assert activity.attempt_context(None) == [
        "Nothing was recorded: the page sent no reports (for instance with JavaScript off)."
    ]
    assert activity.attempt_context(m.AttemptActivity(reports=3)) == [
        "The page was not left for another tab or window."
    ]
    assert activity.answer_context(None, 0) == ["Nothing recorded for this answer."]
    typed_only = m.AnswerActivity(input_events=40, typed_chars=38, active_seconds=12.2)
    assert activity.answer_context(typed_only, 38) == [
        "No pastes.",
        "Input events: 40 (38 characters typed a few at a time; 12 s of active typing).",
    ]
    pasted = m.AnswerActivity(
        pastes=3, pasted_chars=1_020, largest_paste=612, input_events=3, inserted_chars=1_020,
        largest_insertion=612,
    )  # fmt: skip
    lines = activity.answer_context(pasted, 1_100)
    assert lines[0] == "Pasted 1,020 characters in 3 pastes (the largest 612)."
    assert lines[1] == "612 characters appeared in one input event (the answer has 1,100)."


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the roles (groups)
def test_a_report_and_a_save_arriving_at_once_both_land(published, recruiter):
    """CI run 23 on PostgreSQL: a report and an autosave of the same answer deadlocked (the report
    held the attempt and waited for the answer; the save held the answer and waited for the
    attempt), and the save failed. Each round races the first report of an answer with a save."""
    import threading

    from django.db import connection

    errors: list[BaseException] = []
    for n in range(30):
        attempt, _, item = _started(published, recruiter, f"race{n}@example.com")
        start = threading.Barrier(2)

        def save(attempt=attempt, item=item, start=start) -> None:
            try:
                start.wait()
                services.autosave(attempt, item, "A loss function scores how wrong a prediction is.")
            except BaseException as exc:  # reported below with the others
                errors.append(exc)
            finally:
                connection.close()

        def report(attempt=attempt, item=item, start=start) -> None:
            body = {"item": item, "pastes": [{"chars": 40, "ms_ago": 10}], "away": [{"event": "left"}]}
            try:
                start.wait()
                activity.record_report(attempt, activity.parse_report(body))
            except BaseException as exc:
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=save), threading.Thread(target=report)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors, errors
    assert m.AnswerActivity.objects.filter(pastes=1).count() == 30
    assert m.Answer.objects.exclude(content="").count() == 30
