"""Fixtures for the assessment loop: a small imported bank, staff users with roles, a published assessment."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from mlinterview.web.assessments import services
from mlinterview.web.questions.importer import import_bank
from tests.shipped import shipped_bank

QUESTIONS = ["type-1-vs-type-2-errors", "support-vector-machine", "loss-function"]


@pytest.fixture
def bank(db):
    bank = shipped_bank()
    import_bank(bank)
    return bank


def _staff(django_user_model, username: str, role: str):
    user = django_user_model.objects.create_user(username, password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def recruiter(db, django_user_model):
    return _staff(django_user_model, "rita", "recruiter")


@pytest.fixture
def interviewer(db, django_user_model):
    return _staff(django_user_model, "ivan", "interviewer")


@pytest.fixture
def published(bank, recruiter, interviewer):
    """Rita's published screen; Ivan is assigned to review it (an interviewer sees only the
    assessments they are assigned to)."""
    assessment = services.create_assessment("Screen", recruiter, time_limit_minutes=30)
    services.assign_reviewers(assessment, [interviewer], recruiter)
    version = assessment.latest
    services.set_items(version, [services.ItemSpec("question", slug) for slug in QUESTIONS], recruiter)
    services.publish(version, recruiter)
    return version


@pytest.fixture
def invited(published, recruiter):
    invitation, token = services.invite(published, "Ada Lovelace", "ada@example.com", recruiter)
    return invitation, token
