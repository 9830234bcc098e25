"""The Greenhouse Assessment Partner endpoints, exercised with Django's test client.

The request and response fixtures in ``fixtures/`` were written from Greenhouse's documentation of
the protocol, not from this site's answers; each names the section it follows:

- https://developers.greenhouse.io/assessment.html (introduction and authentication: HTTP Basic,
  the organisation's API key as the username, a colon, Base64; list_tests, send_test,
  test_status, response_error, and the "PATCH - Mark Test as Completed" call to the ``url`` given
  in send_test, which carries no parameters and whose answer is a status code only)
- the same pages' source: https://github.com/grnhse/greenhouse-api-docs/tree/master/source/includes/assessment
  (``_introduction.md``, ``_list_tests.md``, ``_send_test.md``, ``_test_status.md``,
  ``_patch_completed_test.md``, ``_response_error.md``)

The documentation's "errors" section (https://developers.greenhouse.io/assessment.html#errors)
was not among the copies available when this was written, nor when it was looked for again: the
stored source of the docs has no ``_errors.md`` for the assessment pages, and the stored copies of
the page hold only its opening. What is known of it comes from an issue on the docs' repository
(https://github.com/grnhse/greenhouse-api-docs/issues/575): as that issue reads it, the section
lists what Greenhouse answers a partner's call (401 for wrong credentials), and its reporter got
403 and 412 from the PATCH URL too. Those would be answers to our completion PATCH, where any
status outside 2xx is tried again until given up (tested below with 5xx and 404). Nothing found
says what a partner's own endpoints must answer on error; so the statuses of our own error
answers (401 with a Basic challenge for a missing or unknown key, 403 for a revoked one, 400 for a
malformed request, 404 for an unknown test or test instance) follow ordinary HTTP use, and error
bodies list messages under ``errors`` as Greenhouse's own response_error reports do.

The completion callback is delivered to a receiver the test starts on a real socket; back-off is
checked by handing ``callbacks.deliver`` later and later clocks, never by sleeping.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mlinterview.web.accounts.models import Team
from mlinterview.web.accounts.teams import add_member
from mlinterview.web.assessments import models as am
from mlinterview.web.assessments import services as assessment_services
from mlinterview.web.assessments.jobs.queues import TASK_QUEUES
from mlinterview.web.assessments.jobs.recovery import reconcile
from mlinterview.web.greenhouse import callbacks, keys
from mlinterview.web.greenhouse.models import ApiKey, Callback, SentTest
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
SLUGS = ["type-1-vs-type-2-errors", "loss-function"]
CALLBACK_TASK = "mlinterview.web.greenhouse.callbacks.deliver_callback_task"


def documented(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def same_shape(actual: Any, example: Any, where: str = "body") -> None:
    """``actual`` has the documented keys (no more, no fewer) with values of the documented kinds;
    ``metadata`` is free-form but flat, its values primitives (as the documentation requires)."""
    if isinstance(example, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r} is not an object"
        assert set(actual) == set(example), f"{where}: keys {sorted(actual)} != documented {sorted(example)}"
        for key, value in example.items():
            if key == "metadata":
                assert all(v is None or isinstance(v, str | int | float | bool) for v in actual[key].values())
            elif actual[key] is not None:
                same_shape(actual[key], value, f"{where}.{key}")
    elif isinstance(example, list):
        assert isinstance(actual, list), f"{where}: {actual!r} is not a list"
        for n, item in enumerate(actual):
            same_shape(item, example[0], f"{where}[{n}]")
    elif isinstance(example, bool | str):
        assert type(actual) is type(example), f"{where}: {actual!r} is not a {type(example).__name__}"
    else:  # a number
        assert isinstance(actual, int | float) and not isinstance(actual, bool), f"{where}: {actual!r}"


@pytest.fixture
def world(settings) -> dict[str, Any]:
    """Team Blue (recruiter Rita, interviewer Ivan) with two published assessments and a draft;
    team Green with one published assessment; a key for each team."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
    import_small_bank(SLUGS)
    users = get_user_model().objects
    rita = users.create_user("rita", password="pw-for-tests-only", is_staff=True)
    rita.groups.add(Group.objects.get(name="recruiter"))
    ivan = users.create_user("ivan", password="pw-for-tests-only", is_staff=True)
    ivan.groups.add(Group.objects.get(name="interviewer"))
    gus = users.create_user("gus", password="pw-for-tests-only", is_staff=True)
    gus.groups.add(Group.objects.get(name="recruiter"))
    blue, green = Team.objects.create(name="Blue"), Team.objects.create(name="Green")
    add_member(blue, rita, "recruiter")
    add_member(green, gus, "recruiter")

    def assessment(title: str, owner: Any, publish: bool = True) -> am.Assessment:
        made = assessment_services.create_assessment(title, owner, time_limit_minutes=30)
        assessment_services.assign_reviewers(made, [ivan], owner)
        items = [assessment_services.ItemSpec("question", s) for s in SLUGS]
        draft = made.latest
        assert draft is not None
        assessment_services.set_items(draft, items, owner)
        if publish:
            assessment_services.publish(draft, owner)
        return made

    screen, take_home = assessment("Data science screen", rita), assessment("ML take-home", rita)
    draft = assessment("Unpublished draft", rita, publish=False)
    other = assessment("Green team screen", gus)
    blue_key, blue_raw = keys.create_key(blue, None, "Blue's Greenhouse")
    _, green_raw = keys.create_key(green, None, "Green's Greenhouse")
    return {
        "rita": rita,
        "ivan": ivan,
        "screen": screen,
        "take_home": take_home,
        "draft": draft,
        "other": other,
        "blue_key": blue_key,
        "blue": keys.basic_header(blue_raw),
        "blue_raw": blue_raw,
        "green": keys.basic_header(green_raw),
    }


def send(client, auth: str, body: Any) -> Any:
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(
        "/greenhouse/send_test", data=data, content_type="application/json", HTTP_AUTHORIZATION=auth
    )


def status_of(client, auth: str, interview_id: str | None) -> Any:
    query = {} if interview_id is None else {"partner_interview_id": interview_id}
    return client.get("/greenhouse/test_status", query, HTTP_AUTHORIZATION=auth)


def send_request(assessment: am.Assessment, url: str | None = None) -> dict[str, Any]:
    """The documented send_test request, for one of our tests (and, optionally, another callback url)."""
    body = documented("send_test")["request"]["body"]
    body["partner_test_id"] = str(assessment.pk)
    if url:
        body["url"] = url
    return body


def submit_and_score(invitation: am.Invitation, values: list[float]) -> am.Attempt:
    """The candidate answers and submits; the scores are set as the scorer would (it is tested elsewhere)."""
    attempt = assessment_services.start_attempt(invitation)
    for answer in attempt.answers.all():
        assessment_services.autosave(attempt, answer.item_id, f"my answer to item {answer.item.position}")
    assessment_services.submit(attempt)
    scores = am.Score.objects.filter(answer__attempt=attempt, primary=True).order_by("answer__item__position")
    for score, value in zip(scores, values, strict=True):
        am.Score.objects.filter(pk=score.pk).update(status=am.Score.Status.DONE, auto_value=value)
    return attempt


def test_list_tests_answers_the_teams_published_assessments_in_the_documented_shape(client, world):
    example = documented("list_tests")
    response = client.get("/greenhouse/list_tests", HTTP_AUTHORIZATION=world["blue"])
    assert response.status_code == example["response"]["status"]
    body = response.json()
    same_shape(body, example["response"]["body"])
    assert body == [
        {"partner_test_id": str(world["screen"].pk), "partner_test_name": "Data science screen"},
        {"partner_test_id": str(world["take_home"].pk), "partner_test_name": "ML take-home"},
    ]
    green = client.get("/greenhouse/list_tests", HTTP_AUTHORIZATION=world["green"]).json()
    assert green == [{"partner_test_id": str(world["other"].pk), "partner_test_name": "Green team screen"}]


def test_authentication_errors(client, world):
    for header in (None, "Bearer abc", "Basic !!!not-base64!!!", keys.basic_header("ghk_0000_wrong")):
        extra = {} if header is None else {"HTTP_AUTHORIZATION": header}
        response = client.get("/greenhouse/list_tests", **extra)
        assert response.status_code == 401, header
        assert response["WWW-Authenticate"].startswith("Basic ")
        assert response.json()["errors"], header
    # The right prefix with a forged secret part is refused too.
    forged = world["blue_raw"][:-4] + "0000"
    assert (
        client.get("/greenhouse/list_tests", HTTP_AUTHORIZATION=keys.basic_header(forged)).status_code == 401
    )
    # Greenhouse sends the key, a colon and an empty password; a password does not change the key.
    with_password = "Basic " + base64.b64encode(f"{world['blue_raw']}:ignored".encode()).decode()
    assert client.get("/greenhouse/list_tests", HTTP_AUTHORIZATION=with_password).status_code == 200
    keys.revoke_key(world["blue_key"], world["rita"])
    for path in ("/greenhouse/list_tests", "/greenhouse/test_status"):
        response = client.get(path, HTTP_AUTHORIZATION=world["blue"])
        assert response.status_code == 403
        assert "revoked" in response.json()["errors"][0]
    response = send(client, world["blue"], send_request(world["screen"]))
    assert response.status_code == 403 and not SentTest.objects.exists()
    # Only the hash is stored: the key's secret part is nowhere in the row.
    stored = json.dumps([str(v) for v in vars(world["blue_key"]).values()])
    assert world["blue_raw"].rpartition("_")[2] not in stored


def test_an_administrator_issues_a_key_in_the_admin_site_and_sees_it_once(client, world):
    root = get_user_model().objects.create_superuser("root", password="pw-for-tests-only")
    client.force_login(root)
    blue = Team.objects.get(name="Blue")
    page = client.post(
        "/admin/greenhouse/apikey/add/", {"team": blue.pk, "label": "Issued here"}, follow=True
    )
    assert page.status_code == 200
    found = re.findall(r"ghk_[0-9a-f]+_[0-9a-f]+", page.content.decode())
    assert len(found) == 1
    issued = ApiKey.objects.get(label="Issued here")
    assert found[0] not in json.dumps([str(v) for v in vars(issued).values()])
    client.logout()
    response = client.get("/greenhouse/list_tests", HTTP_AUTHORIZATION=keys.basic_header(found[0]))
    assert response.status_code == 200 and len(response.json()) == 2
    assert am.AuditEvent.objects.filter(action="greenhouse.key.create", actor=root).count() == 1


def test_send_test_invites_the_candidate_and_test_status_follows_until_reviewed(client, world):
    example = documented("send_test")
    response = send(client, world["blue"], send_request(world["screen"]))
    assert response.status_code == example["response"]["status"], response.content
    same_shape(response.json(), example["response"]["body"])
    interview_id = response.json()["partner_interview_id"]
    invitation = am.Invitation.objects.get(greenhouse__partner_interview_id=interview_id)
    assert (invitation.candidate.name, invitation.candidate.email) == (
        "Grace Hopper",
        "grace.hopper@example.com",
    )
    assert invitation.version == world["screen"].published
    assert invitation.mails.get().to == "grace.hopper@example.com"  # the link is mailed as usual
    sent = invitation.greenhouse
    assert sent.callback_url == example["request"]["body"]["url"]
    # Greenhouse retrying the same request gets the same instance, not a second invitation.
    again = send(client, world["blue"], send_request(world["screen"]))
    assert again.json() == {"partner_interview_id": interview_id}
    assert am.Invitation.objects.filter(candidate=invitation.candidate).count() == 1

    status_example = documented("test_status")
    body = status_of(client, world["blue"], interview_id).json()
    same_shape(body, status_example["response"]["body"])
    assert (body["partner_status"], body["partner_score"], body["partner_profile_url"]) == (
        "created",
        None,
        None,
    )
    attempt = submit_and_score(invitation, [0.8, 0.6])
    body = status_of(client, world["blue"], interview_id).json()
    assert body["partner_status"] == "submitted"  # scored, but no person has reviewed it yet
    assert body["partner_score"] is None and body["partner_profile_url"] is None
    assert body["metadata"]["Submitted At"] == attempt.submitted_at.isoformat(timespec="seconds")

    assessment_services.commit_review(attempt, world["ivan"])
    response = status_of(client, world["blue"], interview_id)
    assert response.status_code == status_example["response"]["status"]
    body = response.json()
    same_shape(body, status_example["response"]["body"])
    assert body["partner_status"] == "complete"
    assert body["partner_score"] == 70.0
    assert body["partner_profile_url"] == (
        f"http://testserver/assessments/{world['screen'].pk}/attempts/{attempt.pk}/"
    )
    assert body["metadata"]["Assessment"] == "Data science screen"
    assert Callback.objects.get(sent_test=sent).status == Callback.Status.PENDING
    # Another team's key does not find the instance.
    assert status_of(client, world["green"], interview_id).status_code == 404

    # Erasing the candidate forgets their Greenhouse page and sends nothing more.
    assessment_services.delete_candidate(invitation.candidate, world["rita"])
    sent.refresh_from_db()
    assert sent.greenhouse_profile_url == ""
    assert Callback.objects.get(sent_test=sent).status == Callback.Status.FAILED
    assert status_of(client, world["blue"], interview_id).json()["partner_status"] == "deleted"


def test_send_test_and_test_status_errors(client, world):
    auth = world["blue"]
    bad_json = send(client, auth, "{not json")
    assert bad_json.status_code == 400 and bad_json.json()["errors"] == ["The body is not valid JSON."]
    assert send(client, auth, ["a", "list"]).status_code == 400
    missing = send(
        client, auth, {"partner_test_id": str(world["screen"].pk), "candidate": {"first_name": "Grace"}}
    )
    assert missing.status_code == 400
    errors = " ".join(missing.json()["errors"])
    for field in ("last_name", "email", "greenhouse_profile_url", "url"):
        assert f"{field} is required" in errors
    bad_email = send_request(world["screen"])
    bad_email["candidate"]["email"] = "not-an-address"
    assert send(client, auth, bad_email).status_code == 400
    elsewhere = send_request(world["screen"], url="https://attacker.example/steal")
    response = send(client, auth, elsewhere)
    assert response.status_code == 400 and "Greenhouse host" in response.json()["errors"][0]
    for unknown in (
        "999999",
        str(world["draft"].pk),
        str(world["other"].pk),
    ):  # none, a draft, another team's
        body = send_request(world["screen"])
        body["partner_test_id"] = unknown
        response = send(client, auth, body)
        assert response.status_code == 404, unknown
        assert response.json()["errors"]
    assert not am.Invitation.objects.exists()
    wrong_method = client.get("/greenhouse/send_test", HTTP_AUTHORIZATION=auth)
    assert wrong_method.status_code == 405 and wrong_method["Allow"] == "POST"

    assert status_of(client, auth, None).status_code == 400
    unknown = status_of(client, auth, "no-such-instance")
    assert unknown.status_code == 404 and unknown.json()["errors"]


def test_response_error_is_acknowledged_and_kept_in_the_audit_trail(client, world):
    example = documented("response_error")
    response = client.post(
        "/greenhouse/response_error",
        data=json.dumps(example["request"]["body"]),
        content_type="application/json",
        HTTP_AUTHORIZATION=world["blue"],
    )
    assert response.status_code == example["response"]["status"]
    event = am.AuditEvent.objects.get(action="greenhouse.response_error")
    assert event.details["api_call"] == "test_status"
    assert event.details["errors"] == example["request"]["body"]["errors"]
    assert event.details["partner_interview_id"] == "5005"
    malformed = client.post(
        "/greenhouse/response_error",
        data=json.dumps({"api_call": "list_tests"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=world["blue"],
    )
    assert malformed.status_code == 400 and "errors is required" in malformed.json()["errors"][0]


class Receiver:
    """An HTTP server on a real socket standing in for Greenhouse: it records each request and
    answers the statuses in ``answers`` in turn (the last one from then on). Given ``accept``, an
    Authorization header, it answers 403 to any other, as Greenhouse does to a partner presenting
    the wrong credential."""

    def __init__(self, answers: list[int], accept: str | None = None) -> None:
        self.answers = list(answers)
        self.requests: list[dict[str, Any]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_PATCH(self) -> None:  # noqa: N802 (the http.server naming)
                length = int(self.headers.get("Content-Length") or 0)
                receiver.requests.append(
                    {
                        "method": "PATCH",
                        "path": self.path,
                        "authorization": self.headers.get("Authorization"),
                        "body": self.rfile.read(length).decode(),
                    }
                )
                status = receiver.answers.pop(0) if len(receiver.answers) > 1 else receiver.answers[0]
                if accept is not None and self.headers.get("Authorization") != accept:
                    status = 403
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made: list[Receiver] = []

    def start(answers: list[int], accept: str | None = None) -> Receiver:
        made.append(Receiver(answers, accept))
        return made[-1]

    yield start  # type: ignore[misc]
    for r in made:
        r.close()


def _reviewed_through_greenhouse(client, world, url: str, django_capture_on_commit_callbacks) -> Callback:
    response = send(client, world["blue"], send_request(world["screen"], url=url))
    sent = SentTest.objects.get(partner_interview_id=response.json()["partner_interview_id"])
    attempt = submit_and_score(sent.invitation, [1.0, 0.5])
    with django_capture_on_commit_callbacks(execute=True):
        assessment_services.commit_review(attempt, world["ivan"])
    return Callback.objects.get(sent_test=sent)


def test_callback_is_delivered_with_backoff_after_three_failures(
    client, world, settings, receiver, django_capture_on_commit_callbacks
):
    settings.MLINTERVIEW_GREENHOUSE_CALLBACK_HOSTS = ("127.0.0.1",)
    greenhouse = receiver([500, 502, 503, 200])
    path = documented("patch_completed_test")["request"]["path"]
    callback = _reviewed_through_greenhouse(
        client, world, greenhouse.url + path, django_capture_on_commit_callbacks
    )
    job = DBTaskResult.objects.get(task_path=CALLBACK_TASK)
    assert job.args_kwargs["args"] == [callback.pk] and job.queue_name == "default"

    start = timezone.now()
    waits = []
    now = start
    for expected_tries in (1, 2, 3):
        with django_capture_on_commit_callbacks(execute=True):
            assert callbacks.deliver(callback.pk, now=now) == "pending"
        callback.refresh_from_db()
        assert callback.tries == expected_tries and callback.last_status in (500, 502, 503)
        waits.append(callback.next_try_at - now)
        # The retry is queued to run when it is due, and a try before then sends nothing.
        retry = DBTaskResult.objects.filter(task_path=CALLBACK_TASK).order_by("-enqueued_at", "-pk").first()
        assert retry.run_after == callback.next_try_at
        assert callbacks.deliver(callback.pk, now=callback.next_try_at - timedelta(seconds=1)) == "not due"
        assert len(greenhouse.requests) == expected_tries
        now = callback.next_try_at
    assert waits == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert callbacks.deliver(callback.pk, now=now) == "delivered"
    assert callbacks.deliver(callback.pk, now=now + timedelta(hours=1)) == "delivered"  # sent once only
    assert len(greenhouse.requests) == 4

    documented_patch = documented("patch_completed_test")["request"]
    for request in greenhouse.requests:
        assert request["method"] == documented_patch["method"]
        assert request["path"] == documented_patch["path"]
        assert request["body"] == documented_patch["body"]
        assert (
            base64.b64decode(request["authorization"].removeprefix("Basic "))
            == f"{world['blue_raw']}:".encode()
        )
    callback.refresh_from_db()
    assert callback.status == Callback.Status.DELIVERED and callback.delivered_at == now
    assert am.AuditEvent.objects.filter(action="greenhouse.callback.delivered").count() == 1


def test_callback_gives_up_after_max_tries_and_a_lost_job_is_queued_again(
    client, world, settings, receiver, django_capture_on_commit_callbacks
):
    settings.MLINTERVIEW_GREENHOUSE_CALLBACK_HOSTS = ("127.0.0.1",)
    greenhouse = receiver([404])
    callback = _reviewed_through_greenhouse(
        client, world, greenhouse.url + "/gone", django_capture_on_commit_callbacks
    )
    DBTaskResult.objects.all().delete()  # the queue lost the job: the workers' recovery finds it
    assert "greenhouse callbacks" in reconcile()  # every worker's recovery runs the sweep
    due = callback.next_try_at
    assert callbacks.requeue_due(due + callbacks.GRACE - timedelta(seconds=1)) == 0  # its job may yet run
    assert callbacks.requeue_due(due + callbacks.GRACE) == 1
    assert DBTaskResult.objects.filter(task_path=CALLBACK_TASK).count() == 1
    assert callbacks.requeue_due(due + callbacks.GRACE) == 0  # queued once, not at every sweep
    callback.refresh_from_db()
    now = callback.next_try_at
    for _ in range(callbacks.MAX_TRIES):
        callbacks.deliver(callback.pk, now=now)
        callback.refresh_from_db()
        now = callback.next_try_at
    assert callback.status == Callback.Status.FAILED and callback.tries == callbacks.MAX_TRIES
    assert len(greenhouse.requests) == callbacks.MAX_TRIES
    assert callbacks.backoff(callbacks.MAX_TRIES) == timedelta(hours=6)  # the wait is capped
    assert am.AuditEvent.objects.filter(action="greenhouse.callback.failed").count() == 1
    assert callbacks.deliver(callback.pk, now=now + timedelta(days=1)) == "failed"
    assert len(greenhouse.requests) == callbacks.MAX_TRIES


def test_callback_presents_the_completion_credential_an_administrator_set(
    client, world, settings, receiver, django_capture_on_commit_callbacks
):
    """Greenhouse may issue partners a credential for calls to it apart from the key it calls
    them with (https://github.com/grnhse/greenhouse-api-docs/issues/355, comment of 2025-05-16:
    partners who sent the inbound key got 403). This receiver accepts that credential only."""
    settings.MLINTERVIEW_GREENHOUSE_CALLBACK_HOSTS = ("127.0.0.1",)
    outbound = "gh-outbound-credential-7f3a9c21e4b8"
    greenhouse = receiver([200], accept=keys.basic_header(outbound))
    callback = _reviewed_through_greenhouse(
        client, world, greenhouse.url + "/complete", django_capture_on_commit_callbacks
    )
    key = world["blue_key"]
    # Without a completion credential the PATCH presents the partner key, and is refused.
    assert callbacks.deliver(callback.pk, now=callback.next_try_at) == "pending"
    callback.refresh_from_db()
    assert greenhouse.requests[-1]["authorization"] == world["blue"]
    assert callback.last_status == 403
    assert "Greenhouse refused the credential" in callback.last_error
    assert "no completion credential is set" in callback.last_error
    assert '"Completion credential"' in callback.last_error and key.prefix in callback.last_error

    # An administrator sets it on the key's admin page; it is never shown back in full.
    root = get_user_model().objects.create_superuser("root", password="pw-for-tests-only")
    client.force_login(root)
    page = f"/admin/greenhouse/apikey/{key.pk}/change/"
    form = client.get(page).content.decode()
    assert 'name="completion_credential_new"' in form and "None: the completion notice presents" in form
    response = client.post(page, {"label": "Blue's Greenhouse", "completion_credential_new": outbound})
    assert response.status_code == 302, response.content.decode()[:2000]
    key.refresh_from_db()
    assert key.completion_credential == outbound and key.team.name == "Blue"
    shown = client.get(page).content.decode() + client.get("/admin/greenhouse/apikey/").content.decode()
    assert outbound not in shown and "…" + outbound[-4:] in shown
    event = am.AuditEvent.objects.get(action="greenhouse.key.completion_credential.set", actor=root)
    assert outbound not in json.dumps(event.details)
    # The partner key still authenticates Greenhouse's calls to us.
    assert client.get("/greenhouse/list_tests", HTTP_AUTHORIZATION=world["blue"]).status_code == 200

    # The next try presents the completion credential and is delivered.
    assert callbacks.deliver(callback.pk, now=callback.next_try_at) == "delivered"
    assert greenhouse.requests[-1]["authorization"] == keys.basic_header(outbound)
    callback.refresh_from_db()
    assert (callback.last_status, callback.last_error, callback.tries) == (200, "", 2)

    # A credential Greenhouse later refuses is named in the hint; clearing it goes back to the key.
    client.post(page, {"label": "Blue's Greenhouse", "completion_credential_clear": "on"})
    key.refresh_from_db()
    assert key.completion_credential == "" and keys.completion_key(key) == world["blue_raw"]
    key.completion_credential = "a-credential-greenhouse-revoked"
    hint = callbacks.refused_hint(401, key)
    assert hint.startswith("HTTP 401") and "the completion credential set on this key" in hint
