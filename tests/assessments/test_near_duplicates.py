"""The near-duplicate check runs once per answer in the background scoring job, after the
answer's primary score is done, and the review page only reads what it stored: a page view
compares nothing (it used to compare every pair of answers of the assessment on every view).

The worker's side is called in-process on a real database: ``check_near_duplicates`` directly, and
once through the real scoring job with the real scorer."""

from __future__ import annotations

import importlib

import pytest

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

QUESTIONS = ["type-1-vs-type-2-errors", "loss-function"]
COPIED = (
    "A type one error is a false positive where we reject a true null hypothesis and a type two "
    "error is a false negative where we fail to reject a false null hypothesis"
)
EDITED = "Well, " + COPIED + " as I remember it"  # lightly edited copy: still near-identical
OWN = "Completely different words about thresholds, costs and which mistake hurts more. " * 3


@pytest.fixture
def version(db, recruiter):
    import_small_bank(QUESTIONS)
    assessment = services.create_assessment("Screen", recruiter, time_limit_minutes=30)
    services.set_items(assessment.latest, [services.ItemSpec("question", s) for s in QUESTIONS], recruiter)
    services.publish(assessment.latest, recruiter)
    return assessment.latest


def _submitted(version, recruiter, name: str, text: str) -> m.Attempt:
    """An attempt whose first answer is ``text``, submitted (its jobs are not run)."""
    invitation, _ = services.invite(version, name, f"{name.lower()}@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    services.autosave(attempt, attempt.answers.get(item__position=0).item_id, text)
    services.submit(attempt)
    return attempt


def _first(attempt: m.Attempt) -> m.Answer:
    return attempt.answers.get(item__position=0)


def _check(*attempts: m.Attempt) -> None:
    """What the scoring job does for each answer of these attempts once its score is done."""
    from mlinterview.web.assessments.jobs.duplicates import check_near_duplicates

    for attempt in attempts:
        for answer in attempt.answers.all():
            check_near_duplicates(answer.pk)


def _page(client, attempt: m.Attempt) -> str:
    response = client.get(f"/assessments/{attempt.invitation.version.assessment_id}/attempts/{attempt.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_review_page_shows_only_what_the_jobs_stored(client, version, recruiter):
    ada = _submitted(version, recruiter, "Ada", COPIED)
    bob = _submitted(version, recruiter, "Bob", EDITED)
    cy = _submitted(version, recruiter, "Cy", OWN)
    client.force_login(recruiter)
    # Near-identical answers, but no job has run: the page has nothing to show and works nothing out.
    assert "near-identical" not in _page(client, ada)
    _check(ada, bob, cy)
    bob_alias = bob.invitation.candidate.alias
    assert f"near-identical to {bob_alias}&#x27;s answer" in _page(client, ada)
    assert "near-identical" not in _page(client, cy)
    # The page reads the stored rows: a row the job never found is shown all the same.
    m.NearDuplicate.objects.create(answer=_first(cy), other=_first(ada), containment=0.95)
    assert f"near-identical to {ada.invitation.candidate.alias}&#x27;s answer" in _page(client, cy)


def test_the_job_finds_the_pair_whichever_answer_is_checked_first(version, recruiter):
    ada = _submitted(version, recruiter, "Ada", COPIED)
    _check(ada)  # nobody else has answered yet
    assert not m.NearDuplicate.objects.exists()
    bob = _submitted(version, recruiter, "Bob", EDITED)
    cy = _submitted(version, recruiter, "Cy", OWN)
    _check(bob, cy)
    pairs = set(m.NearDuplicate.objects.values_list("answer_id", "other_id"))
    assert pairs == {(_first(ada).pk, _first(bob).pk), (_first(bob).pk, _first(ada).pk)}
    _check(ada, bob, cy)  # a job run twice (a retry, a second worker) stores nothing new
    assert set(m.NearDuplicate.objects.values_list("answer_id", "other_id")) == pairs


def test_a_copy_of_the_reference_answer_is_flagged(client, version, recruiter):
    item = version.items.get(position=0)
    reference = item.question_version.data["reference_answer"]
    assert len(reference.split()) >= 12
    dee = _submitted(version, recruiter, "Dee", reference)
    _check(dee)
    [row] = m.NearDuplicate.objects.filter(answer=_first(dee))
    assert row.other is None and row.containment == 1.0
    client.force_login(recruiter)
    assert "near-identical to the reference answer" in _page(client, dee)


def test_the_migration_checks_answers_submitted_before_it(version, recruiter):
    from django.apps import apps

    migration = importlib.import_module("mlinterview.web.assessments.migrations.0009_near_duplicates")
    ada = _submitted(version, recruiter, "Ada", COPIED)
    bob = _submitted(version, recruiter, "Bob", EDITED)
    _submitted(version, recruiter, "Cy", OWN)
    migration.check_submitted_answers(apps, None)  # today's models stand for the migration's
    pairs = set(m.NearDuplicate.objects.values_list("answer_id", "other_id"))
    assert pairs == {(_first(ada).pk, _first(bob).pk), (_first(bob).pk, _first(ada).pk)}


@pytest.mark.slow  # the real scorer: loads the sentence-transformer model
def test_the_scoring_job_checks_the_answer_once_its_score_is_done(version, recruiter):
    ada = _submitted(version, recruiter, "Ada", COPIED)
    bob = _submitted(version, recruiter, "Bob", EDITED)
    score = _first(bob).scores.get(primary=True)
    assert services.run_scoring(score.pk) == "done"
    pairs = set(m.NearDuplicate.objects.values_list("answer_id", "other_id"))
    assert pairs == {(_first(ada).pk, _first(bob).pk), (_first(bob).pk, _first(ada).pk)}
