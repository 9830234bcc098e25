"""The candidate flow and staff pages over HTTP, with the security rules that guard them."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from django.test import Client

from mlinterview.web.api.models import ApiToken
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.attempts import save_over_http

pytestmark = pytest.mark.django_db


def _start(client: Client, token: str) -> m.Attempt:
    response = client.post(f"/take/{token}/start/")
    assert response.status_code == 302
    return m.Attempt.objects.get(invitation__token_hash=services.hash_token(token))


def test_candidate_flow_resume_and_submit(client, invited, bank):
    invitation, token = invited
    landing = client.get(f"/take/{token}/")
    assert landing.status_code == 200 and "Start the assessment" in landing.content.decode()
    attempt = _start(client, token)
    page = client.get(f"/take/{token}/item/0/")
    assert page.status_code == 200
    item = attempt.answers.get(item__position=0).item
    assert save_over_http(client, token, item.pk, "my typed answer").json()["revision"] == 1
    # Reload (a fresh client: a lost session changes nothing) resumes on the same item, text intact.
    fresh = Client()
    assert fresh.get(f"/take/{token}/")["Location"] == f"/take/{token}/item/0/"
    assert "my typed answer" in fresh.get(f"/take/{token}/item/0/").content.decode()
    # Navigating with the plain form also saves.
    response = fresh.post(f"/take/{token}/save/", {"item": item.pk, "content": "edited", "go": "1"})
    assert response.status_code == 302 and response["Location"] == f"/take/{token}/item/1/"
    assert fresh.get(f"/take/{token}/submit/").status_code == 200
    done = fresh.post(f"/take/{token}/submit/")
    assert done.status_code == 200 and "submitted" in done.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at and attempt.answers.get(item=item).content == "edited"
    assert fresh.get(f"/take/{token}/").status_code == 403


def test_candidate_never_sees_rubric(client, invited, bank, published):
    _, token = invited
    _start(client, token)
    pages = [client.get(f"/take/{token}/item/{n}/").content.decode() for n in range(published.items.count())]
    pages.append(client.get(f"/take/{token}/submit/").content.decode())
    for item in published.items.all():
        data = item.question_version.data
        secrets = [data["reference_answer"].strip().splitlines()[0], *data["key_points"]]
        secrets += [mc["correction"] for mc in data["misconceptions"]]
        secrets += list(data["rating_anchors"].values())
        for page in pages:
            for secret in secrets:
                assert secret not in page
    assert any(item.question_version.data["title"] in p for p in pages for item in published.items.all())


def test_token_cannot_touch_another_attempt(client, published, recruiter):
    first, token_a = services.invite(published, "A", "a@example.com", recruiter)
    second, token_b = services.invite(published, "B", "b@example.com", recruiter)
    _start(client, token_a)
    attempt_b = _start(Client(), token_b)
    foreign_item = attempt_b.answers.first().item_id
    # Same assessment, so the item id is valid for A too: A's save lands in A's own answer only.
    assert save_over_http(client, token_a, foreign_item, "from A").status_code == 200
    assert attempt_b.answers.get(item_id=foreign_item).content == ""
    other = services.create_assessment("Other", recruiter)
    services.set_items(other.latest, [services.ItemSpec("question", "loss-function")], recruiter)
    services.publish(other.latest, recruiter)
    inv_c, token_c = services.invite(other.latest, "C", "c@example.com", recruiter)
    attempt_c = _start(Client(), token_c)
    response = save_over_http(client, token_a, attempt_c.answers.first().item_id, "intrusion")
    assert response.status_code == 400
    assert attempt_c.answers.first().content == ""


def test_candidate_token_cannot_reach_staff_pages_or_api(client, invited, published):
    _, token = invited
    _start(client, token)
    assessment = published.assessment
    # A candidate's link opens no session as a user: every staff page sends them to sign in, and
    # comes back to the page asked for afterwards (the admin has its own sign-in page).
    for url, login in (
        ("/assessments/", "/login/"),
        (f"/assessments/{assessment.pk}/", "/login/"),
        (f"/assessments/{assessment.pk}/shortlist/", "/login/"),
        ("/bank/", "/login/"),
        ("/admin/", "/admin/login/"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{login}?next={quote(url)}", url
    # The API answers 401 both without a key and with the candidate's token used as one.
    for headers in ({}, {"HTTP_AUTHORIZATION": f"Bearer {token}"}):
        response = client.get("/api/assessments", **headers)
        assert response.status_code == 401 and response.json() == {"detail": "Unauthorized"}


def test_csrf_enforced_on_candidate_and_staff_forms(invited, recruiter):
    _, token = invited
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(f"/take/{token}/start/").status_code == 403
    strict.force_login(recruiter)
    assert strict.post("/assessments/", {"title": "x", "minutes": 30}).status_code == 403
    assert not m.Assessment.objects.filter(title="x").exists()


def test_oversized_answer_refused_with_message(client, invited):
    _, token = invited
    attempt = _start(client, token)
    item = attempt.answers.first().item
    response = save_over_http(client, token, item.pk, "y" * (m.Answer.MAX_CHARS + 1))
    assert response.status_code == 413
    assert "limit is 20,000" in response.json()["error"]


def test_staff_builder_invite_and_review_pages(
    client, recruiter, bank, settings, django_capture_on_commit_callbacks
):
    from mlinterview.web.assessments.jobs.queues import TASK_QUEUES

    # The invitation is mailed by a task once the request commits; run it inline here.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": TASK_QUEUES}
    }
    client.force_login(recruiter)
    response = client.post("/assessments/", {"title": "Web built", "minutes": 40})
    assessment = m.Assessment.objects.get(title="Web built")
    assert response["Location"] == f"/assessments/{assessment.pk}/"
    client.post(f"/assessments/{assessment.pk}/items/add/", {"kind": "question", "slug": "loss-function"})
    client.post(
        f"/assessments/{assessment.pk}/items/add/", {"kind": "question", "slug": "support-vector-machine"}
    )
    client.post(f"/assessments/{assessment.pk}/items/1/move/0/")
    assert [i.slug for i in assessment.latest.items.all()] == ["support-vector-machine", "loss-function"]
    client.post(f"/assessments/{assessment.pk}/publish/")
    assert assessment.latest.is_published
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/assessments/{assessment.pk}/invite/", {"name": "Grace", "email": "grace@example.com"})
    page = client.get(f"/assessments/{assessment.pk}/").content.decode()
    assert "grace@example.com" in page and "/take/" in page
    from django.core import mail

    assert len(mail.outbox) == 1 and "/take/" in mail.outbox[0].body
    # The test run's memory backend delivers to nobody: the invitation is not marked as sent, and
    # its mail says where it went instead (issue 15; tests/assessments/test_invitation_mail.py).
    invitation = m.Invitation.objects.get(candidate__email="grace@example.com")
    assert invitation.sent_at is None and invitation.delivery.status == m.InvitationMail.Status.HELD


def test_interviewer_cannot_build(client, interviewer, published):
    client.force_login(interviewer)
    assert client.get("/assessments/").status_code == 403
    assert client.get(f"/assessments/{published.assessment.pk}/shortlist/").status_code == 200


def test_api_requires_staff_token_and_follows_the_rules(client, recruiter, interviewer, bank):
    _, key = ApiToken.issue(recruiter, "tests")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    created = client.post(
        "/api/assessments",
        json.dumps({"title": "Via API", "time_limit_minutes": 30}),
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    items = [{"kind": "question", "slug": "loss-function"}]
    assert (
        client.put(
            f"/api/assessments/{pk}/items", json.dumps(items), content_type="application/json", **auth
        ).status_code
        == 200
    )
    assert client.post(f"/api/assessments/{pk}/publish", **auth).json()["published_version"] == 1
    again = client.post(f"/api/assessments/{pk}/publish", **auth)
    assert again.status_code == 400 and "cannot be changed" in again.json()["detail"]
    invite = client.post(
        f"/api/assessments/{pk}/invitations",
        json.dumps({"name": "Api Cand", "email": "api@example.com"}),
        content_type="application/json",
        **auth,
    )
    assert invite.status_code == 201 and "/take/" in invite.json()["link"]
    listing = client.get(f"/api/assessments/{pk}/invitations", **auth).json()
    assert listing[0]["link"] is None  # the link is shown once only
    _, weak_key = ApiToken.issue(interviewer, "tests")
    forbidden = client.post(
        "/api/assessments",
        json.dumps({"title": "no"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {weak_key}",
    )
    assert forbidden.status_code == 403
    client.force_login(recruiter)  # the docs are for signed-in staff (tests/api/test_api_docs.py)
    assert client.get("/api/docs").status_code == 200
    assert "/api/assessments" in client.get("/api/openapi.json").json()["paths"]


def _code_attempt(client: Client, recruiter, name: str = "Bo"):
    assessment = services.create_assessment("Code", recruiter, time_limit_minutes=30)
    services.set_items(assessment.latest, [services.ItemSpec("exercise", "roc-auc")], recruiter)
    services.publish(assessment.latest, recruiter)
    _, token = services.invite(assessment.latest, name, f"{name.lower()}@example.com", recruiter)
    attempt = _start(client, token)
    return token, attempt, attempt.answers.get().item


def _run(client: Client, token: str, item_id: int, source: str):
    return client.post(
        f"/take/{token}/run/",
        data=json.dumps({"item": item_id, "content": source}),
        content_type="application/json",
    )


def test_run_code_is_saved_queued_and_polled(client, bank, recruiter, monkeypatch):
    # The web process only queues the run; the worker's side (services.run_trial) is called here
    # directly, with the judge replaced by a recorder: the real sandbox run of a trial is in
    # tests/e2e/test_assessment_loop.py.
    from mlinterview.web.assessments import exercises

    calls = []
    monkeypatch.setattr(
        exercises,
        "run_public_examples",
        lambda slug, source: calls.append(slug) or {"summary": "2 of 2", "tests": []},
    )
    token, attempt, item = _code_attempt(client, recruiter)
    response = _run(client, token, item.pk, "def roc_auc(y, s):\n    return 0.5\n")
    assert response.status_code == 202, response.content
    queued = response.json()
    assert queued["status"] == "pending" and "return 0.5" in attempt.answers.get().content
    # A second click while the first run waits returns the same run instead of queueing more work.
    assert _run(client, token, item.pk, "def roc_auc(y, s):\n    return 1.0\n").json()["run"] == queued["run"]
    assert services.run_trial(queued["run"]) == "done" and calls == ["roc-auc"]
    assert services.run_trial(queued["run"]) == "already done"
    assert client.get(queued["poll"]).json() == {
        "run": queued["run"],
        "status": "done",
        "summary": "2 of 2",
        "tests": [],
    }
    # Another candidate cannot read this run.
    other_token, _, _ = _code_attempt(client, recruiter, "Cy")
    assert client.get(f"/take/{other_token}/run/{queued['run']}/").status_code == 404


def test_run_code_without_a_sandbox_keeps_the_code_and_says_so(client, bank, recruiter, monkeypatch):
    # A worker may run unprivileged, where the sandbox refuses to start: simulated here by making
    # the sandbox report itself unavailable (the real refusal is tested in tests/sandbox).
    from mlinterview.sandbox import SandboxUnavailable
    from mlinterview.web.assessments import exercises

    def refuse(slug, source):
        raise SandboxUnavailable("the sandbox needs root")

    monkeypatch.setattr(exercises, "run_public_examples", refuse)
    token, attempt, item = _code_attempt(client, recruiter)
    queued = _run(client, token, item.pk, "def roc_auc(y, s):\n    return 0.5\n").json()
    assert services.run_trial(queued["run"]) == "failed"
    polled = client.get(queued["poll"]).json()
    assert polled["status"] == "failed" and "your code is saved" in polled["error"]
    assert "return 0.5" in attempt.answers.get().content


def test_run_nobody_picks_up_ends_with_a_message(client, bank, recruiter):
    from datetime import timedelta

    from django.utils import timezone

    token, _, item = _code_attempt(client, recruiter)
    queued = _run(client, token, item.pk, "def roc_auc(y, s):\n    return 0.5\n").json()
    m.TrialRun.objects.filter(pk=queued["run"]).update(created_at=timezone.now() - timedelta(minutes=5))
    polled = client.get(queued["poll"]).json()
    assert polled["status"] == "failed" and "judged after you submit" in polled["error"]
    assert services.run_trial(queued["run"]) == "expired"
    # The stale run no longer blocks a new one.
    assert _run(client, token, item.pk, "x = 1\n").json()["run"] != queued["run"]


def test_jobs_page_lists_failed_jobs_anonymised_and_puts_them_back(client, invited, recruiter, monkeypatch):
    from mlinterview.web.assessments import grading

    def crash(answer):
        # A scorer crash cannot be produced for real on demand: the grader raises instead, and
        # the worker's real code (services.run_scoring) counts the tries until the score fails.
        raise RuntimeError("the scorer ran out of memory")

    monkeypatch.setattr(grading, "grade_answer", crash)
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    services.submit(attempt)
    scores = list(m.Score.objects.filter(answer__attempt=attempt).order_by("pk"))
    for score in scores[:2]:
        for _ in range(services.MAX_SCORING_TRIES):
            assert services.run_scoring(score.pk) == "failed"
    assert client.get("/assessments/jobs/").status_code == 302  # signed out: to the login page
    client.force_login(recruiter)
    page = client.get("/assessments/jobs/").content.decode()
    assert "ran out of memory" in page and page.count("Candidate #") == 2
    assert "Ada Lovelace" not in page  # failed means not scored yet: still anonymised
    assert 'id="failed-count">2<' in page

    client.post("/assessments/jobs/", {"score": scores[0].pk})
    scores[0].refresh_from_db()
    assert scores[0].status == m.Score.Status.PENDING and scores[0].tries == 0
    again = client.post("/assessments/jobs/", {"score": scores[0].pk}, follow=True).content.decode()
    assert "Only a failed score can be retried" in again

    client.post("/assessments/jobs/", {"score": "all"})
    assert not m.Score.objects.filter(status=m.Score.Status.FAILED).exists()
    assert m.AuditEvent.objects.filter(action="score.retry").count() == 2
    assert 'id="failed-count">0<' in client.get("/assessments/jobs/").content.decode()
