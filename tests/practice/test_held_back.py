"""Questions of a live assessment stay out of practice (where the reference answer is shown after
answering) while any candidate can still take them: an invitation not yet used and not expired,
or an attempt started and not yet submitted, whatever the invitation's own expiry says."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.assessments.held_back import held_back_slugs
from mlinterview.web.practice.services import available_questions
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

LIVE = "loss-function"
OTHER = "support-vector-machine"


@pytest.fixture
def version(db, django_user_model):
    import_small_bank([LIVE, OTHER])
    rita = django_user_model.objects.create_user("rita", password="pw-for-tests-only", is_staff=True)
    rita.groups.add(Group.objects.get(name="recruiter"))
    assessment = services.create_assessment("Live", rita, time_limit_minutes=45)
    services.set_items(assessment.latest, [services.ItemSpec("question", LIVE)], rita)
    services.publish(assessment.latest, rita)
    version = assessment.latest
    version.recruiter = rita
    return version


def _invite(version, expires_in: timedelta) -> m.Invitation:
    invitation, _ = services.invite(
        version, "Cand", "cand@example.com", version.recruiter, expires_in=expires_in
    )
    return invitation


def _expire(invitation: m.Invitation) -> None:
    """The invitation's expiry passes (the attempt's own deadline is unaffected)."""
    m.Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))


def test_an_open_invitation_holds_the_question_back(version):
    _invite(version, timedelta(days=3))
    assert LIVE in held_back_slugs()
    assert LIVE not in available_questions() and OTHER in available_questions()


def test_an_attempt_started_just_before_the_invitation_expired_keeps_it_held_back(version, client):
    invitation = _invite(version, timedelta(minutes=1))
    attempt = services.start_attempt(invitation)
    _expire(invitation)  # a minute later: the invitation has expired, the 45-minute attempt runs on
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.deadline > timezone.now()
    assert LIVE in held_back_slugs()
    assert LIVE not in available_questions()
    # Nor can a practice user open it (with its reference answer after answering).
    client.force_login(type(version.recruiter).objects.create_user("peer", password="a-long-pass-phrase-42"))
    assert client.get(f"/practice/q/{LIVE}/").status_code == 404


def test_an_unsubmitted_attempt_past_its_deadline_keeps_it_held_back_until_submitted(version):
    invitation = _invite(version, timedelta(minutes=1))
    attempt = services.start_attempt(invitation)
    _expire(invitation)
    # Past the deadline but not yet submitted by the worker's sweep: its answers are still open.
    overdue = timezone.now() - services.LATE_SAVE_GRACE - timedelta(seconds=1)
    m.Attempt.objects.filter(pk=attempt.pk).update(deadline=overdue)
    assert LIVE in held_back_slugs()
    services.submit_overdue_attempts()
    assert LIVE not in held_back_slugs()
    assert LIVE in available_questions()


def test_the_question_returns_once_no_candidate_can_take_it(version):
    invitation = _invite(version, timedelta(minutes=1))
    attempt = services.start_attempt(invitation)
    services.submit(attempt)
    assert LIVE not in held_back_slugs()
    never_used, _ = services.invite(version, "Late", "late@example.com", version.recruiter)
    assert LIVE in held_back_slugs()
    _expire(never_used)  # expired before anyone started: the link is refused, nothing is open
    assert LIVE not in held_back_slugs()
