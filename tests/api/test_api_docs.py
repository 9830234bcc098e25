"""Issue 14, finding 9: the API's documentation and OpenAPI schema are for signed-in staff, unless
``MLINTERVIEW_PUBLIC_API_DOCS`` opens them to anyone."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from mlinterview.web.config import build_settings

pytestmark = pytest.mark.django_db

DOCS = ["/api/docs", "/api/openapi.json"]


@pytest.mark.parametrize("path", DOCS)
def test_anonymous_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")
    assert b"mlinterview API" not in response.content


@pytest.mark.parametrize("path", DOCS)
def test_a_signed_in_account_without_staff_status_is_refused(client, django_user_model, path):
    client.force_login(django_user_model.objects.create_user("learner", password="pw-for-tests-only"))
    response = client.get(path)
    assert response.status_code == 403
    assert b"/assessments/{assessment_id}" not in response.content


def test_staff_read_the_docs_and_the_schema(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_user("staff", password="pw-for-tests-only", is_staff=True)
    )
    assert client.get("/api/docs").status_code == 200
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200 and "/api/assessments/{assessment_id}" in schema.json()["paths"]


@override_settings(MLINTERVIEW_PUBLIC_API_DOCS=True)
@pytest.mark.parametrize("path", DOCS)
def test_the_setting_makes_them_public(path):
    assert Client().get(path).status_code == 200


def test_the_setting_comes_from_the_environment(tmp_path):
    assert build_settings({"MLINTERVIEW_DATA_DIR": str(tmp_path)})["MLINTERVIEW_PUBLIC_API_DOCS"] is False
    opened = build_settings({"MLINTERVIEW_DATA_DIR": str(tmp_path), "MLINTERVIEW_PUBLIC_API_DOCS": "1"})
    assert opened["MLINTERVIEW_PUBLIC_API_DOCS"] is True
