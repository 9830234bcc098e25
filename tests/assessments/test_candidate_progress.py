"""Issue 15, point 7: the candidate's pages say where they stand. The item buttons mark answered
items (for screen readers too), "Review and submit" lists every item with its title, its state and
a link back, time left is given in minutes (seconds under a minute), the page carries the 5- and
1-minute warnings in a live region of their own, a code run reports the save it made, and the
landing page names the organisation and says what is kept and for how long."""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.assessments.exercises import public_exercise
from mlinterview.web.assessments.services.progress import describe_time_left
from tests.assessments.attempts import save_over_http
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

QUESTIONS = ["loss-function", "support-vector-machine"]
EXERCISE = "confusion-matrix"


@pytest.fixture
def taking(django_user_model):
    """A started attempt at two written questions and one coding exercise: (attempt, token, client)."""
    import_small_bank(QUESTIONS)
    rita = django_user_model.objects.create_user("rita", is_staff=True)
    assessment = services.create_assessment("Progress screen", rita, time_limit_minutes=30)
    specs = [*(services.ItemSpec("question", s) for s in QUESTIONS), services.ItemSpec("exercise", EXERCISE)]
    services.set_items(assessment.latest, specs, rita)
    services.publish(assessment.latest, rita)
    _, token = services.invite(assessment.latest, "Ada Lovelace", "ada@example.com", rita)
    client = Client()
    assert client.post(f"/take/{token}/start/").status_code == 302
    attempt = m.Attempt.objects.get(invitation__token_hash=services.hash_token(token))
    return attempt, token, client


def _item(attempt: m.Attempt, position: int) -> m.AssessmentItem:
    return attempt.answers.get(item__position=position).item


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _buttons(page: str) -> list[str]:
    return re.findall(r'aria-label="(Item \d+, [a-z ]+)"', page)


def _leave(attempt: m.Attempt, seconds: int) -> None:
    """Move the deadline so that ``seconds`` are left (as time passing would)."""
    m.Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=seconds))


def test_item_buttons_say_which_items_are_answered(taking):
    attempt, token, client = taking
    page = _page(client, f"/take/{token}/item/0/")
    assert _buttons(page) == ["Item 1, not answered", "Item 2, not answered", "Item 3, not answered"]

    saved = save_over_http(client, token, _item(attempt, 1).pk, "A margin-maximising linear classifier.")
    assert saved.status_code == 200 and saved.json()["answered"] is True
    page = _page(client, f"/take/{token}/item/0/")
    assert _buttons(page) == ["Item 1, not answered", "Item 2, answered", "Item 3, not answered"]
    # Seen without a screen reader: the answered button carries a tick.
    assert re.search(
        r'class="pill answered"[^>]*>2<span class="pill-mark" aria-hidden="true"> ✓</span>', page
    )

    # Only white space left: no longer answered.
    assert save_over_http(client, token, _item(attempt, 1).pk, "  \n ").json()["answered"] is False
    assert "Item 2, not answered" in _buttons(_page(client, f"/take/{token}/item/0/"))


def test_an_exercise_counts_as_answered_only_once_its_code_differs_from_the_starter(taking):
    attempt, token, client = taking
    exercise = _item(attempt, 2)
    starter = public_exercise(EXERCISE)["starter"]
    assert starter.strip()
    assert save_over_http(client, token, exercise.pk, starter).json()["answered"] is False
    assert (
        save_over_http(client, token, exercise.pk, starter + "\n# my own line\n").json()["answered"] is True
    )
    assert "Item 3, answered" in _buttons(_page(client, f"/take/{token}/item/0/"))


def test_review_page_lists_every_item_with_title_state_and_a_link_back(taking):
    attempt, token, client = taking
    save_over_http(client, token, _item(attempt, 0).pk, "It measures how wrong a prediction is.")
    page = _page(client, f"/take/{token}/submit/")
    rows = re.findall(r"<tr class=\"(answered|unanswered)\">(.*?)</tr>", page, re.S)
    assert len(rows) == 3
    titles = [_item(attempt, n).question_version.data["title"] for n in (0, 1)]
    titles.append(public_exercise(EXERCISE)["title"])
    for position, ((state, row), title) in enumerate(zip(rows, titles, strict=True)):
        assert f'<a href="/take/{token}/item/{position}/">{title}</a>' in row
        assert state == ("answered" if position == 0 else "unanswered")
        assert ("Answered" if position == 0 else "Not answered yet") in row
    assert "Items 2, 3 have no answer yet." in page
    # The link leads back to the item.
    assert _page(client, f"/take/{token}/item/1/").count(titles[1]) >= 1


def test_review_page_gives_time_left_in_minutes_then_seconds(taking):
    attempt, token, client = taking
    _leave(attempt, 44 * 60 + 12)
    page = _page(client, f"/take/{token}/submit/")
    assert re.search(r'Time left: <strong id="time-left">4[34] minutes</strong>', page), page
    assert "seconds left" not in page
    _leave(attempt, 50)
    page = _page(client, f"/take/{token}/submit/")
    assert re.search(r'Time left: <strong id="time-left">(49|50) seconds</strong>', page)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (2652, "44 minutes"),
        (120, "2 minutes"),
        (119, "1 minute"),
        (60, "1 minute"),
        (59, "59 seconds"),
        (1, "1 second"),
        (0, "0 seconds"),
        (-3, "0 seconds"),
    ],
)
def test_time_left_in_words(seconds, words):
    assert describe_time_left(seconds) == words


def _warning(page: str) -> tuple[str, str]:
    """(the attributes of the warning's element, the text it was served with)."""
    found = re.search(r'<p id="time-warning"([^>]*)>(.*?)</p>', page, re.S)
    assert found, "the page has no time-warning region"
    return found[1], found[2]


def test_time_warnings_have_a_live_region_of_their_own(taking):
    attempt, token, client = taking
    page = _page(client, f"/take/{token}/item/0/")
    attributes, text = _warning(page)
    assert 'aria-live="assertive"' in attributes and 'aria-atomic="true"' in attributes
    assert 'data-five="Less than 5 minutes left.' in attributes
    assert 'data-one="Less than 1 minute left.' in attributes
    assert text == ""  # half an hour left: no warning yet
    # The ticking clock is not announced.
    assert re.search(r'<p class="countdown" role="timer" aria-live="off">', page)
    assert page.count('aria-live="assertive"') == 1

    _leave(attempt, 4 * 60 + 30)  # a page opened after the 5-minute mark shows the warning
    assert _warning(_page(client, f"/take/{token}/item/1/"))[1].startswith("Less than 5 minutes left.")
    _leave(attempt, 40)
    assert _warning(_page(client, f"/take/{token}/item/1/"))[1].startswith("Less than 1 minute left.")


def _run(client: Client, token: str, item_id: int, source: str):
    return client.post(
        f"/take/{token}/run/",
        data=json.dumps({"item": item_id, "content": source}),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )


def test_a_code_run_reports_the_save_it_made(taking, settings):
    settings.MLINTERVIEW_TRIAL_COOLDOWN_SECONDS = 60
    attempt, token, client = taking
    exercise = _item(attempt, 2)
    source = public_exercise(EXERCISE)["starter"] + "\n# first try\n"
    queued = _run(client, token, exercise.pk, source)
    assert queued.status_code == 202
    body = queued.json()
    answer = m.Answer.objects.get(attempt=attempt, item=exercise)
    assert answer.content == source
    assert body["saved"] is True and body["answered"] is True and body["revision"] == answer.revision

    # The run is done; the next one comes inside the cooldown and is refused, but the code is
    # saved all the same, and the page is told so.
    m.TrialRun.objects.filter(attempt=attempt).update(
        status=m.TrialRun.Status.DONE, finished_at=timezone.now(), started_at=timezone.now()
    )
    refused = _run(client, token, exercise.pk, source + "# second try\n")
    assert refused.status_code == 429
    answer.refresh_from_db()
    assert answer.content == source + "# second try\n"
    assert refused.json()["saved"] is True and refused.json()["revision"] == answer.revision


def _invited_to_notice_screen(django_user_model):
    """Ada's invitation and link to a published one-question assessment, "Notice screen"."""
    import_small_bank(QUESTIONS[:1])
    rita = django_user_model.objects.create_user("rita", is_staff=True)
    assessment = services.create_assessment("Notice screen", rita, time_limit_minutes=20)
    services.set_items(assessment.latest, [services.ItemSpec("question", QUESTIONS[0])], rita)
    services.publish(assessment.latest, rita)
    return services.invite(assessment.latest, "Ada Lovelace", "ada@example.com", rita)


def test_landing_page_names_the_organisation_and_gives_the_privacy_notice(settings, django_user_model):
    invitation, token = _invited_to_notice_screen(django_user_model)

    page = _page(Client(), f"/take/{token}/")
    assert "The organisation that invited you uses this assessment" in page
    assert "<title>Notice screen · mlinterview</title>" in page
    assert "Your information" in page
    assert "nothing is deleted automatically" in page
    assert "every answer as it is saved" in page
    assert timezone.localtime(invitation.expires_at).strftime("%-d %B %Y") in page

    settings.MLINTERVIEW_ORGANISATION_NAME = "Example Analytics Ltd"
    page = _page(Client(), f"/take/{token}/")
    assert '<p class="organisation">Example Analytics Ltd</p>' in page
    assert "<strong>Example Analytics Ltd</strong> invites you to this assessment." in page
    assert "Example Analytics Ltd uses this assessment" in page
    assert "<title>Notice screen · Example Analytics Ltd</title>" in page


def test_an_administrator_can_replace_the_privacy_notice(settings, tmp_path, django_user_model):
    folder = tmp_path / "templates" / "assessments" / "take"
    folder.mkdir(parents=True)
    (folder / "privacy_notice.html").write_text(
        "<section><h2>Privacy</h2><p>{{ organisation }} keeps your answers for 12 months.</p></section>"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}
    ]
    settings.MLINTERVIEW_ORGANISATION_NAME = "Example Analytics Ltd"
    _, token = _invited_to_notice_screen(django_user_model)
    page = _page(Client(), f"/take/{token}/")
    assert "Example Analytics Ltd keeps your answers for 12 months." in page
    assert "nothing is deleted automatically" not in page
