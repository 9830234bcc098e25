"""API keys: a staff member's valid key works; a revoked key, the key of a deactivated or non-staff
account and anything else that is not a live key get 401 and change nothing."""

from __future__ import annotations

import json
import secrets

import pytest
from django.utils import timezone

from mlinterview.web.api.models import PREFIX, ApiToken
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services

pytestmark = pytest.mark.django_db

UNAUTHORIZED = {"detail": "Unauthorized"}


def _list(client, key: str):
    return client.get("/api/assessments", HTTP_AUTHORIZATION=f"Bearer {key}")


def _create(client, key: str, title: str):
    return client.post(
        "/api/assessments",
        json.dumps({"title": title, "time_limit_minutes": 30}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )


def test_a_valid_staff_key_works_and_its_use_is_recorded(client, recruiter):
    services.create_assessment("Screen for the key", recruiter)
    token, key = ApiToken.issue(recruiter, "ci")
    assert key.startswith(PREFIX) and key not in token.key_hash and token.last_used_at is None
    response = _list(client, key)
    assert response.status_code == 200
    assert [a["title"] for a in response.json()] == ["Screen for the key"]
    token.refresh_from_db()
    assert token.last_used_at is not None
    created = _create(client, key, "Made with the key")
    assert created.status_code == 201 and m.Assessment.objects.filter(title="Made with the key").exists()


def test_a_revoked_key_is_refused_and_changes_nothing(client, recruiter):
    token, key = ApiToken.issue(recruiter, "laptop")
    assert _list(client, key).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    token.refresh_from_db()
    used_before = token.last_used_at
    listed = _list(client, key)
    assert listed.status_code == 401 and listed.json() == UNAUTHORIZED
    created = _create(client, key, "Made with a revoked key")
    assert created.status_code == 401 and created.json() == UNAUTHORIZED
    assert not m.Assessment.objects.filter(title="Made with a revoked key").exists()
    assert ApiToken.lookup(key) is None
    token.refresh_from_db()
    assert token.last_used_at == used_before  # a refused key is not "used"


def test_revoking_one_key_leaves_the_owners_other_keys_working(client, recruiter):
    lost, lost_key = ApiToken.issue(recruiter, "lost laptop")
    _, kept_key = ApiToken.issue(recruiter, "desktop")
    ApiToken.objects.filter(pk=lost.pk).update(revoked_at=timezone.now())
    assert _list(client, lost_key).status_code == 401
    assert _list(client, kept_key).status_code == 200


def test_the_key_of_a_deactivated_account_is_refused(client, recruiter):
    _, key = ApiToken.issue(recruiter, "ci")
    assert _list(client, key).status_code == 200
    recruiter.is_active = False
    recruiter.save(update_fields=["is_active"])
    response = _list(client, key)
    assert response.status_code == 401 and response.json() == UNAUTHORIZED
    assert ApiToken.lookup(key) is None


def test_the_key_of_a_non_staff_account_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("outsider", password="pw-for-tests-only", is_staff=False)
    _, key = ApiToken.issue(user, "mine")
    assert ApiToken.lookup(key) is not None  # a live key, but its owner is not staff
    response = _list(client, key)
    assert response.status_code == 401 and response.json() == UNAUTHORIZED


@pytest.mark.parametrize(
    "key",
    [
        PREFIX + secrets.token_urlsafe(32),  # well formed, never issued
        "not-an-api-key",
        PREFIX + "x" * 300,
    ],
)
def test_keys_never_issued_are_refused(client, recruiter, key):
    ApiToken.issue(recruiter, "the real one")
    response = _list(client, key)
    assert response.status_code == 401 and response.json() == UNAUTHORIZED


def test_a_key_is_looked_up_by_its_hash_only(recruiter):
    token, key = ApiToken.issue(recruiter, "ci")
    assert ApiToken.lookup(key) == token
    # Its stored hash is not a key: presenting it finds nothing.
    assert ApiToken.lookup(token.key_hash) is None and ApiToken.lookup(PREFIX + token.key_hash) is None
