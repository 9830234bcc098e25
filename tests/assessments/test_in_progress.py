"""Reviewers see an attempt only once it is submitted: the staff pages refuse an attempt that is
still in progress the way the REST API does (404), so nobody reads or scores half-written answers."""

from __future__ import annotations

import pytest

from mlinterview.web.assessments import services

pytestmark = pytest.mark.django_db

DRAFT = "half-written draft the candidate is still typing"


@pytest.fixture
def in_progress(invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    first = attempt.answers.order_by("item__position").first()
    services.autosave(attempt, first.item_id, DRAFT)
    return attempt


def _base(attempt) -> str:
    return f"/assessments/{attempt.invitation.version.assessment_id}/attempts/{attempt.pk}/"


@pytest.mark.parametrize("who", ["recruiter", "interviewer"])
def test_the_review_page_refuses_an_attempt_in_progress(client, in_progress, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(_base(in_progress))
    assert response.status_code == 404
    assert DRAFT not in response.content.decode()


def test_the_report_and_commit_refuse_an_attempt_in_progress(client, in_progress, interviewer):
    client.force_login(interviewer)
    assert client.get(_base(in_progress) + "report.pdf").status_code == 404
    assert client.post(_base(in_progress) + "commit/").status_code == 404
    assert not in_progress.review_commits.exists()


def test_the_page_opens_once_the_attempt_is_submitted(client, in_progress, interviewer):
    services.submit(in_progress)
    client.force_login(interviewer)
    response = client.get(_base(in_progress))
    assert response.status_code == 200
    assert DRAFT in response.content.decode()


def test_the_web_and_the_api_share_the_rule(in_progress):
    assert not services.reviewable_attempts().filter(pk=in_progress.pk).exists()
    services.submit(in_progress)
    assert services.reviewable_attempts().filter(pk=in_progress.pk).exists()
