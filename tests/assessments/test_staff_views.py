"""The recruiter and reviewer pages that change things: generate, settings, remove, delete, retry and
override, each checked by what it leaves in the database and on the page, and who may use it."""

from __future__ import annotations

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from mlinterview.bank import Level
from mlinterview.bank.selection import NEIGHBOURS, SelectionRequest, select_questions
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.attempts import score_at as _score
from tests.assessments.attempts import submitted_attempt as _submitted

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(msg) for msg in response.context["messages"]]


# --- generate -----------------------------------------------------------------------------


def test_generate_fills_the_draft_for_the_level_and_minutes(client, bank, recruiter):
    assessment = services.create_assessment("Generated", recruiter, time_limit_minutes=45)
    client.force_login(recruiter)
    response = client.post(
        f"/assessments/{assessment.pk}/generate/", {"level": "senior", "minutes": 40, "seed": 7}
    )
    assert response.status_code == 302 and response["Location"] == f"/assessments/{assessment.pk}/#items"

    version = assessment.latest
    items = list(version.items.select_related("question_version__question"))
    expected = select_questions(bank, SelectionRequest(level=Level.senior, minutes=40, seed=7))
    assert [i.slug for i in items] == [q.slug for q in expected] and len(items) >= 3
    assert [i.position for i in items] == list(range(len(items)))
    levels = {i.question_version.data["level"] for i in items}
    assert levels <= {"senior", *(n.value for n in NEIGHBOURS[Level.senior])}
    assert sum(i.question_version.data["minutes"] for i in items) <= 40
    assert version.time_limit_minutes == 40  # the time budget becomes the time limit
    page = client.get(f"/assessments/{assessment.pk}/").content.decode()
    for question in expected:
        assert question.title in page


def test_generate_with_an_exercise_spends_its_minutes_first(client, bank, recruiter):
    from mlinterview.web.assessments.exercises import exercises_for_level

    assessment = services.create_assessment("With code", recruiter)
    client.force_login(recruiter)
    client.post(
        f"/assessments/{assessment.pk}/generate/", {"level": "mid", "minutes": 60, "seed": 1, "exercises": 1}
    )
    items = list(assessment.latest.items.all())
    slug, exercise_minutes = exercises_for_level("mid")[0]
    assert items[0].kind == "exercise" and items[0].exercise_slug == slug and items[0].exercise_hash
    questions = [i for i in items if i.kind == "question"]
    assert questions and sum(i.question_version.data["minutes"] for i in questions) <= 60 - exercise_minutes


def test_generate_on_a_published_assessment_makes_a_new_draft(client, published, recruiter):
    before = [i.slug for i in published.items.all()]
    client.force_login(recruiter)
    client.post(f"/assessments/{published.assessment.pk}/generate/", {"level": "junior", "minutes": 20})
    published.refresh_from_db()
    assert [i.slug for i in published.items.all()] == before and published.time_limit_minutes == 30
    draft = published.assessment.latest
    assert draft.number == 2 and not draft.is_published
    assert draft.time_limit_minutes == 20 and [i.slug for i in draft.items.all()] != before


def test_generate_refuses_a_bad_request_with_its_message(client, bank, recruiter):
    assessment = services.create_assessment("Bad", recruiter)
    client.force_login(recruiter)
    response = client.post(
        f"/assessments/{assessment.pk}/generate/", {"level": "principal", "minutes": 45}, follow=True
    )
    assert "Unknown level 'principal'." in _messages(response)
    assert "Unknown level" in response.content.decode()
    response = client.post(
        f"/assessments/{assessment.pk}/generate/", {"level": "mid", "minutes": 5}, follow=True
    )
    assert "The time budget must be between 10 and 480 minutes." in _messages(response)
    assert not assessment.latest.items.exists()


# --- settings -----------------------------------------------------------------------------


def test_settings_are_saved_on_the_draft_and_shown(client, bank, recruiter):
    assessment = services.create_assessment("Settings", recruiter, time_limit_minutes=45)
    client.force_login(recruiter)
    client.post(
        f"/assessments/{assessment.pk}/settings/",
        {"minutes": "75", "instructions": "  Use plain words; no notes.  "},
    )
    version = assessment.latest
    assert (version.number, version.time_limit_minutes) == (1, 75)
    assert version.instructions == "Use plain words; no notes."
    event = m.AuditEvent.objects.get(action="assessment.settings")
    assert event.actor == recruiter and event.details == {"time_limit_minutes": 75}
    page = client.get(f"/assessments/{assessment.pk}/").content.decode()
    assert 'id="set-minutes" name="minutes" type="number" min="5" max="480" value="75"' in page
    assert "Use plain words; no notes.</textarea>" in page


def test_settings_out_of_range_are_refused_with_the_message(client, bank, recruiter):
    assessment = services.create_assessment("Range", recruiter, time_limit_minutes=45)
    client.force_login(recruiter)
    response = client.post(
        f"/assessments/{assessment.pk}/settings/", {"minutes": "481", "instructions": "x"}, follow=True
    )
    assert "The time limit must be between 5 and 480 minutes." in _messages(response)
    version = assessment.latest
    assert (version.time_limit_minutes, version.instructions) == (45, "")


def test_settings_never_change_a_published_version(client, published, recruiter):
    with pytest.raises(services.AssessmentError, match="A published version cannot be changed"):
        services.update_settings(published, recruiter, time_limit_minutes=90, instructions="new")
    client.force_login(recruiter)
    client.post(f"/assessments/{published.assessment.pk}/settings/", {"minutes": "90", "instructions": "new"})
    published.refresh_from_db()
    assert (published.time_limit_minutes, published.instructions) == (30, "")
    draft = published.assessment.latest
    assert draft.number == 2 and (draft.time_limit_minutes, draft.instructions) == (90, "new")


# --- remove an item -----------------------------------------------------------------------


def test_remove_item_from_a_draft_keeps_the_others_in_order(client, bank, recruiter):
    assessment = services.create_assessment("Remove", recruiter)
    specs = [services.ItemSpec("question", s) for s in ("loss-function", "support-vector-machine")]
    services.set_items(assessment.latest, [*specs, services.ItemSpec("exercise", "roc-auc")], recruiter)
    client.force_login(recruiter)
    client.post(f"/assessments/{assessment.pk}/items/1/remove/")
    items = list(assessment.latest.items.all())
    assert [(i.position, i.slug) for i in items] == [(0, "loss-function"), (1, "roc-auc")]
    assert m.AuditEvent.objects.filter(action="assessment.items").first().details == {
        "items": ["question:loss-function", "exercise:roc-auc"]
    }
    response = client.post(f"/assessments/{assessment.pk}/items/5/remove/", follow=True)
    assert "No item at that position." in _messages(response)
    assert assessment.latest.items.count() == 2


def test_remove_item_on_a_published_version_leaves_it_whole(client, published, recruiter):
    client.force_login(recruiter)
    client.post(f"/assessments/{published.assessment.pk}/items/0/remove/")
    assert [i.slug for i in published.items.all()] == [
        "type-1-vs-type-2-errors",
        "support-vector-machine",
        "loss-function",
    ]
    draft = published.assessment.latest
    assert draft.number == 2
    assert [i.slug for i in draft.items.all()] == ["support-vector-machine", "loss-function"]


# --- delete a candidate -------------------------------------------------------------------


def test_delete_candidate_removes_personal_data_from_db_and_pages(client, published, recruiter):
    attempt = _submitted(published, recruiter, "Zenobia Quarrington", "zenobia.q@example.com", [0.5] * 3)
    candidate = attempt.invitation.candidate
    answers = dict(attempt.answers.values_list("pk", "content"))
    pk = published.assessment.pk
    client.force_login(recruiter)
    client.post(f"/assessments/{pk}/attempts/{attempt.pk}/commit/")  # the name is shown to rita now
    assert "Zenobia Quarrington" in client.get(f"/assessments/{pk}/shortlist/").content.decode()

    response = client.post(
        f"/assessments/{pk}/attempts/{attempt.pk}/delete/", {"confirm": "delete"}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/assessments/{pk}/shortlist/"
    assert "The candidate's personal data was deleted; their answers stay, anonymised." in _messages(response)

    candidate.refresh_from_db()
    assert candidate.name == "" and candidate.email == f"deleted-{candidate.pk}@invalid"
    assert candidate.anonymised_at is not None
    assert not m.Candidate.objects.filter(email="zenobia.q@example.com").exists()
    assert not m.AuditEvent.objects.filter(details__candidate=candidate.pk).exists()
    assert m.AuditEvent.objects.filter(action="candidate.delete", target=f"candidate:{candidate.pk}").exists()
    assert dict(m.Answer.objects.filter(attempt=attempt).values_list("pk", "content")) == answers

    pages = {
        "shortlist": client.get(f"/assessments/{pk}/shortlist/").content.decode(),
        "csv": client.get(f"/assessments/{pk}/shortlist/?format=csv").content.decode(),
        "attempt": client.get(f"/assessments/{pk}/attempts/{attempt.pk}/").content.decode(),
        "detail": client.get(f"/assessments/{pk}/").content.decode(),
        "api": _api_attempt(recruiter, attempt),
    }
    for where, text in pages.items():
        assert "Zenobia" not in text and "Quarrington" not in text and "zenobia.q@" not in text, where
    assert f"Deleted candidate #{candidate.pk}" in pages["shortlist"]
    assert "My answer to item 0, typed in the test" in pages["attempt"]  # the answers stay


def _api_attempt(user, attempt) -> str:
    from mlinterview.web.api.models import ApiToken

    _, key = ApiToken.issue(user, "test")
    return Client().get(f"/api/attempts/{attempt.pk}", HTTP_AUTHORIZATION=f"Bearer {key}").content.decode()


# --- retry and override -------------------------------------------------------------------


def test_retry_puts_a_failed_score_back_in_the_queue(
    client, published, recruiter, interviewer, django_capture_on_commit_callbacks
):
    attempt = _submitted(published, recruiter, "Bo", "bo@example.com", [0.5, 0.5, None])
    score = _score(attempt, 2)
    m.Score.objects.filter(pk=score.pk).update(
        status=m.Score.Status.FAILED, tries=3, error="RuntimeError: the scorer crashed"
    )
    url = f"/assessments/{published.assessment.pk}/attempts/{attempt.pk}/"
    client.force_login(interviewer)  # a reviewer action: interviewers may retry
    page = client.get(url).content.decode()
    assert "Scoring failed after 3 tries: RuntimeError: the scorer crashed" in page
    assert f"scores/{score.pk}/retry/" in page

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"{url}scores/{score.pk}/retry/")
    assert response.status_code == 302 and response["Location"] == url
    score.refresh_from_db()
    assert (score.status, score.tries) == (m.Score.Status.PENDING, 0) and score.lease_until is not None
    assert len(callbacks) == 1
    job = DBTaskResult.objects.get(args_kwargs__args=[score.pk])
    assert job.queue_name == "scoring" and job.task_path.endswith("score_answer_task")
    event = m.AuditEvent.objects.get(action="score.retry")
    assert event.actor == interviewer and event.target == f"score:{score.pk}"
    page = client.get(url).content.decode()
    assert "Scoring failed" not in page and "Pending" in page


def test_retry_of_a_score_that_did_not_fail_is_refused(client, published, recruiter):
    attempt = _submitted(published, recruiter, "Cy", "cy@example.com", [0.5, 0.5, 0.5])
    score = _score(attempt, 0)
    client.force_login(recruiter)
    url = f"/assessments/{published.assessment.pk}/attempts/{attempt.pk}/scores/{score.pk}/retry/"
    response = client.post(url, follow=True)
    assert "Only a failed score can be retried." in _messages(response)
    score.refresh_from_db()
    assert (score.status, score.auto_value) == (m.Score.Status.DONE, 0.5)
    assert not m.AuditEvent.objects.filter(action="score.retry").exists()


def test_override_sets_the_value_keeps_the_reason_and_shows_it(client, published, recruiter, interviewer):
    from django.contrib.auth.models import Permission

    # Changing a score is its own permission (issue 14): granted here to the assigned interviewer.
    interviewer.user_permissions.add(Permission.objects.get(codename="override_scores"))
    attempt = _submitted(published, recruiter, "Di", "di@example.com", [0.4, 0.6, 0.8])
    score = _score(attempt, 0)
    pk = published.assessment.pk
    client.force_login(interviewer)
    shortlist = client.get(f"/assessments/{pk}/shortlist/").content.decode()
    assert ">60%<" in shortlist
    assert "Scores are percentages, as everywhere in mlinterview" in shortlist  # the scale, explained

    url = f"/assessments/{pk}/attempts/{attempt.pk}/"
    response = client.post(
        f"{url}scores/{score.pk}/override/", {"value": "85", "reason": "Explained it well in the call"}
    )
    assert response["Location"] == f"{url}#answer-{score.answer_id}"
    override = m.Override.objects.get(score=score)
    assert (override.value, override.reviewer) == (0.85, interviewer)
    assert override.reason == "Explained it well in the call"
    score.refresh_from_db()
    assert score.value == 0.85 and score.auto_value == 0.4  # the automatic value is kept beside it
    event = m.AuditEvent.objects.get(action="score.override")
    assert event.actor == interviewer and event.target == f"score:{score.pk}"
    assert event.details == {"before": 0.4, "after": 0.85, "reason": "Explained it well in the call"}

    page = client.get(url).content.decode()
    assert '<span class="score-value">85%</span>' in page
    assert "(changed by ivan; automatic: 40%)" in page
    assert "ivan: 85%, “Explained it well in the call”" in page
    shortlist = client.get(f"/assessments/{pk}/shortlist/").content.decode()
    assert ">75%<" in shortlist and "1 score changed by a reviewer." in shortlist  # (0.85 + 0.6 + 0.8) / 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"value": "70", "reason": "   "}, "Say why you are changing the score"),
        ({"value": "70"}, "Say why you are changing the score"),
        ({"value": "150", "reason": "too generous"}, "A score must be between 0 and 100%."),
        ({"value": "-5", "reason": "too harsh"}, "A score must be between 0 and 100%."),
    ],
)
def test_override_refused_without_a_reason_or_out_of_range(client, published, recruiter, data, message):
    attempt = _submitted(published, recruiter, "Ed", "ed@example.com", [0.4, 0.6, 0.8])
    score = _score(attempt, 0)
    client.force_login(recruiter)
    url = f"/assessments/{published.assessment.pk}/attempts/{attempt.pk}/scores/{score.pk}/override/"
    response = client.post(url, data, follow=True)
    assert any(msg.startswith(message) for msg in _messages(response)), _messages(response)
    assert not m.Override.objects.filter(score=score).exists()
    assert not m.AuditEvent.objects.filter(action="score.override").exists()
    assert m.Score.objects.get(pk=score.pk).value == 0.4


def test_override_with_a_value_that_is_not_a_number_is_a_bad_request(client, published, recruiter):
    attempt = _submitted(published, recruiter, "Fay", "fay@example.com", [0.4, 0.6, 0.8])
    score = _score(attempt, 0)
    client.force_login(recruiter)
    url = f"/assessments/{published.assessment.pk}/attempts/{attempt.pk}/scores/{score.pk}/override/"
    response = client.post(url, {"value": "lots", "reason": "why not"})
    assert response.status_code == 400
    assert response.content.decode() == "The score must be a number from 0 to 100."
    assert not m.Override.objects.filter(score=score).exists()


# --- who may do what ----------------------------------------------------------------------


def _snapshot(assessment: m.Assessment) -> dict:
    return {
        "versions": list(assessment.versions.values_list("number", "time_limit_minutes", "instructions")),
        "items": list(
            m.AssessmentItem.objects.filter(version__assessment=assessment).values_list(
                "version__number", "position", "kind", "question_version", "exercise_slug"
            )
        ),
        "candidates": list(m.Candidate.objects.values_list("pk", "name", "email", "anonymised_at")),
        "invitations": m.Invitation.objects.count(),
        "audit": m.AuditEvent.objects.count(),
    }


def test_interviewer_cannot_use_recruiter_actions(client, published, recruiter, interviewer):
    attempt = _submitted(published, recruiter, "Gil", "gil@example.com", [0.5, 0.5, 0.5])
    pk = published.assessment.pk
    before = _snapshot(published.assessment)
    client.force_login(interviewer)
    requests = {
        "generate": (f"/assessments/{pk}/generate/", {"level": "mid", "minutes": 20}),
        "settings": (f"/assessments/{pk}/settings/", {"minutes": 90, "instructions": "x"}),
        "remove": (f"/assessments/{pk}/items/0/remove/", {}),
        "add": (f"/assessments/{pk}/items/add/", {"kind": "exercise", "slug": "roc-auc"}),
        "move": (f"/assessments/{pk}/items/0/move/1/", {}),
        "publish": (f"/assessments/{pk}/publish/", {}),
        "invite": (f"/assessments/{pk}/invite/", {"name": "Eve", "email": "eve@example.com"}),
        "delete": (f"/assessments/{pk}/attempts/{attempt.pk}/delete/", {"confirm": "delete"}),
        "create": ("/assessments/", {"title": "Not mine", "minutes": 30}),
    }
    for action, (url, data) in requests.items():
        assert client.post(url, data).status_code == 403, action
    assert _snapshot(published.assessment) == before
    assert not m.Assessment.objects.filter(title="Not mine").exists()
    page = client.get(f"/assessments/{pk}/attempts/{attempt.pk}/").content.decode()
    assert "candidate-delete" not in page and f"attempts/{attempt.pk}/delete/" not in page


def test_signed_out_visitors_are_sent_to_sign_in_and_change_nothing(published, recruiter):
    attempt = _submitted(published, recruiter, "Hal", "hal@example.com", [0.5, 0.5, 0.5])
    score = _score(attempt, 0)
    pk = published.assessment.pk
    before = _snapshot(published.assessment)
    anonymous = Client()
    for url, data in (
        (f"/assessments/{pk}/generate/", {"level": "mid", "minutes": 20}),
        (f"/assessments/{pk}/attempts/{attempt.pk}/delete/", {"confirm": "delete"}),
        (f"/assessments/{pk}/attempts/{attempt.pk}/scores/{score.pk}/override/", {"value": 1, "reason": "x"}),
    ):
        response = anonymous.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/login/?next="), url
    assert _snapshot(published.assessment) == before
    assert not m.Override.objects.exists()
