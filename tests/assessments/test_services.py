"""The rules of assessments, exercised through the services layer on a real SQLite database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services

pytestmark = pytest.mark.django_db


def test_published_version_is_frozen_and_edit_starts_a_new_version(published, recruiter):
    with pytest.raises(services.AssessmentError, match="published version cannot be changed"):
        services.set_items(published, [services.ItemSpec("question", "loss-function")], recruiter)
    draft = services.editable_version(published.assessment, recruiter)
    assert draft.number == published.number + 1 and not draft.is_published
    assert [i.slug for i in draft.items.all()] == [i.slug for i in published.items.all()]
    services.remove_item(draft, 0, recruiter)
    published.refresh_from_db()
    assert published.items.count() == 3 and draft.items.count() == 2
    assert services.editable_version(published.assessment, recruiter) == draft


def test_items_point_at_the_question_version_seen(published):
    item = published.items.first()
    assert item.question_version.question.current_version_id == item.question_version_id


def test_publish_needs_items_and_invites_need_publishing(bank, recruiter):
    assessment = services.create_assessment("Empty", recruiter)
    with pytest.raises(services.AssessmentError, match="Publish the assessment"):
        services.invite(assessment.latest, "A", "a@example.com", recruiter)
    with pytest.raises(services.AssessmentError, match="at least one"):
        services.publish(assessment.latest, recruiter)


def test_unknown_question_and_duplicates_refused(bank, recruiter):
    version = services.create_assessment("X", recruiter).latest
    with pytest.raises(services.AssessmentError, match="no question 'nope'"):
        services.set_items(version, [services.ItemSpec("question", "nope")], recruiter)
    spec = services.ItemSpec("question", "loss-function")
    with pytest.raises(services.AssessmentError, match="twice"):
        services.set_items(version, [spec, spec], recruiter)


def test_token_is_stored_hashed_and_resolves(invited):
    invitation, token = invited
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64
    assert services.resolve_token(token) == invitation
    invitation.refresh_from_db()
    assert invitation.opened_at is not None and invitation.status == "opened"


@pytest.mark.parametrize("token", ["", "x" * 500, "not-a-real-token"])
def test_bad_tokens_refused(invited, token):
    with pytest.raises(services.InvalidToken, match="not valid"):
        services.resolve_token(token)


def test_expired_token_refused_unless_already_started(invited):
    invitation, token = invited
    m.Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(services.InvalidToken, match="expired"):
        services.resolve_token(token)


def test_submitted_token_cannot_be_used_again(invited):
    invitation, token = invited
    attempt = services.start_attempt(invitation)
    services.submit(attempt)
    with pytest.raises(services.InvalidToken, match="submitted already"):
        services.resolve_token(token)


def test_start_is_idempotent_and_deadline_includes_extra_time(published, recruiter):
    invitation, _ = services.invite(published, "Bo", "bo@example.com", recruiter, extra_time_minutes=15)
    first = services.start_attempt(invitation)
    assert services.start_attempt(invitation) == first
    assert first.deadline - first.started_at == timedelta(minutes=45)
    assert first.answers.count() == 3


def test_autosave_keeps_the_text_of_each_revision_window(invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    item = attempt.answers.first().item
    services.autosave(attempt, item.pk, "first draft")
    services.autosave(attempt, item.pk, "first draft")  # unchanged: no new revision
    # The first draft's window of a few seconds ends (as if that long had passed).
    m.AnswerRevision.objects.filter(answer__attempt=attempt).update(
        saved_at=timezone.now() - timedelta(minutes=1)
    )
    answer = services.autosave(attempt, item.pk, "second draft")
    assert answer.revision == 2 and answer.content == "second draft"
    assert list(answer.revisions.values_list("content", flat=True)) == ["first draft", "second draft"]


def test_autosave_refuses_oversized_answers_with_a_message(invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    item = attempt.answers.first().item
    with pytest.raises(services.AssessmentError, match="limit is 20,000"):
        services.autosave(attempt, item.pk, "x" * (m.Answer.MAX_CHARS + 1))
    assert attempt.answers.get(item=item).content == ""


def test_autosave_after_submission_refused(invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    item = attempt.answers.first().item
    services.submit(attempt)
    with pytest.raises(services.AssessmentError, match="submitted"):
        services.autosave(attempt, item.pk, "late")


def test_deadline_auto_submits(invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    services.autosave(attempt, attempt.answers.first().item_id, "typed before the end")
    m.Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    assert services.submit_overdue_attempts() == 1
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.submitted_at is not None
    assert attempt.answers.first().content == "typed before the end"
    assert m.Score.objects.filter(answer__attempt=attempt).count() == 3


def test_csv_invites_and_reports_bad_lines(published, recruiter):
    text = "name,email\nAda,ada@example.com\nNo Email,\nBob,bob@example.com\nAda Again,ada@example.com\n"
    result = services.invite_csv(published, text, recruiter)
    assert [i.candidate.email for i, _ in result.invited] == ["ada@example.com", "bob@example.com"]
    assert result.errors[0].startswith("line 3:") and "valid email" in result.errors[0]
    assert result.errors[1].startswith("line 5:") and "already invited" in result.errors[1]
    with pytest.raises(services.AssessmentError, match="header row"):
        services.invite_csv(published, "who,where\nx,y\n", recruiter)


def test_override_needs_reason_and_is_audited(invited, recruiter):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    services.submit(attempt)
    score = m.Score.objects.filter(answer__attempt=attempt).first()
    with pytest.raises(services.AssessmentError, match="Say why"):
        services.override_score(score, recruiter, 0.5, "  ")
    services.override_score(score, recruiter, 0.8, "Explained the trade-off well in person")
    services.override_score(score, recruiter, 0.7, "Second look: missed the power discussion")
    assert score.value == 0.7
    events = m.AuditEvent.objects.filter(action="score.override")
    assert events.count() == 2 and events.first().details["reason"].startswith("Second look")


def test_identity_hidden_until_review_committed(invited, interviewer):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    assert not services.may_see_identity(attempt, interviewer)
    services.commit_review(attempt, interviewer)
    assert services.may_see_identity(attempt, interviewer)


def test_delete_candidate_removes_personal_data_keeps_anonymised_answers(invited, recruiter):
    invitation, token = invited
    attempt = services.start_attempt(invitation)
    services.autosave(attempt, attempt.answers.first().item_id, "an answer")
    services.delete_candidate(invitation.candidate, recruiter)
    candidate = m.Candidate.objects.get(pk=invitation.candidate_id)
    assert candidate.name == "" and "ada" not in candidate.email and candidate.anonymised_at
    assert attempt.answers.first().content == "an answer"
    assert m.AuditEvent.objects.filter(action="candidate.delete").exists()
    assert not m.AuditEvent.objects.filter(details__candidate=candidate.pk).exists()
    with pytest.raises(services.InvalidToken):
        services.resolve_token(token)


def test_generate_balanced_set(bank, recruiter):
    version = services.create_assessment("Generated", recruiter).latest
    specs = services.generate_items(version, recruiter, level="mid", minutes=45, seed=1).specs
    minutes = sum(bank.get(s.slug).minutes for s in specs)
    assert 0 < minutes <= 45
    assert len({bank.get(s.slug).set for s in specs}) >= 3
    again = services.create_assessment("Again", recruiter).latest
    assert services.generate_items(again, recruiter, level="mid", minutes=45, seed=1).specs == specs


def test_scoring_lease_comes_from_settings(settings):
    settings.MLINTERVIEW_SCORING_LEASE_SECONDS = 8
    assert services.scoring_lease().total_seconds() == 8
