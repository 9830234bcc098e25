"""Issue 14, finding 9: API keys carry scopes and an expiry. A key may only call the operations its
scopes name (403 otherwise, before anything is read or changed); an expired key is refused like a
revoked one; staff create, list and revoke their own keys on a page that shows a new key once and
stores only its hash."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from mlinterview.web.api.api import api
from mlinterview.web.api.models import ApiToken
from mlinterview.web.api.scopes import SCOPES
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.attempts import score_at, submitted_attempt
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

QUESTIONS = ["type-1-vs-type-2-errors", "support-vector-machine", "loss-function"]


@pytest.fixture
def manager(django_user_model):
    """A staff account that holds both roles, so only a key's scopes can refuse it."""
    user = django_user_model.objects.create_user("mona", password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name="recruiter"), Group.objects.get(name="interviewer"))
    return user


@pytest.fixture
def version(manager):
    import_small_bank(QUESTIONS)
    assessment = services.create_assessment("Scoped screen", manager, time_limit_minutes=30)
    services.set_items(assessment.latest, [services.ItemSpec("question", s) for s in QUESTIONS], manager)
    services.publish(assessment.latest, manager)
    return assessment.published


def _call(key: str, method: str, path: str, body: object = None):
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    if method == "get":
        return client.get(f"/api{path}", **headers)
    data = json.dumps(body) if body is not None else ""
    return getattr(client, method)(f"/api{path}", data, content_type="application/json", **headers)


def _operations() -> list[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return [
        (method, re.sub(r"\{[^}]+\}", "1", path.removeprefix("/api")))
        for path, methods in schema["paths"].items()
        for method in methods
    ]


def test_every_operation_names_a_known_scope_in_the_schema():
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            scope = operation.get("x-scope")
            assert scope in SCOPES, (method, path)
            assert f"`{scope}`" in operation.get("description", ""), (method, path)


@pytest.mark.parametrize(("method", "path"), _operations())
def test_a_key_without_scopes_is_refused_on_every_operation(manager, method, path):
    _, key = ApiToken.issue(manager, "nothing", scopes=[])
    response = _call(key, method, path, {})
    assert response.status_code == 403, (method, path, response.content)
    assert "scope" in response.json()["detail"]


def test_a_read_only_key_reads_but_cannot_write(manager, version):
    _, key = ApiToken.issue(manager, "dashboard", scopes=["assessments:read", "results:read"])
    listed = _call(key, "get", "/assessments")
    assert listed.status_code == 200 and [a["title"] for a in listed.json()] == ["Scoped screen"]
    assert _call(key, "get", f"/assessments/{version.assessment.pk}/shortlist").status_code == 200
    before = m.Assessment.objects.count()
    created = _call(key, "post", "/assessments", {"title": "Not allowed"})
    assert created.status_code == 403 and "assessments:write" in created.json()["detail"]
    published = _call(key, "post", f"/assessments/{version.assessment.pk}/publish")
    assert published.status_code == 403
    invited = _call(
        key, "post", f"/assessments/{version.assessment.pk}/invitations", {"name": "X", "email": "x@e.org"}
    )
    assert invited.status_code == 403
    assert m.Assessment.objects.count() == before and not m.Invitation.objects.exists()


def test_overriding_a_score_needs_its_own_scope(manager, version):
    attempt = submitted_attempt(version, manager, "Una", "una@example.com", [0.6, 0.3, 0.2])
    score = score_at(attempt, 0)
    reader_key = ApiToken.issue(manager, "reader", scopes=["results:read", "results:review"])[1]
    assert _call(reader_key, "get", f"/attempts/{attempt.pk}").status_code == 200
    refused = _call(reader_key, "post", f"/scores/{score.pk}/override", {"value": 1.0, "reason": "r"})
    assert refused.status_code == 403 and "scores:override" in refused.json()["detail"]
    assert not m.Override.objects.exists()
    writer_key = ApiToken.issue(manager, "writer", scopes=["scores:override"])[1]
    done = _call(writer_key, "post", f"/scores/{score.pk}/override", {"value": 1.0, "reason": "r"})
    assert done.status_code == 201 and m.Override.objects.count() == 1
    assert _call(writer_key, "get", f"/attempts/{attempt.pk}").status_code == 403  # not results:read


def test_a_scope_does_not_outrank_the_owners_permissions(django_user_model, version):
    clerk = django_user_model.objects.create_user("clerk", password="pw-for-tests-only", is_staff=True)
    _, key = ApiToken.issue(clerk, "all scopes", scopes=list(SCOPES))
    response = _call(key, "get", "/assessments")
    assert response.status_code == 403 and "lacks the permission" in response.json()["detail"]


def test_an_expired_key_is_refused(manager, version):
    soon, soon_key = ApiToken.issue(
        manager, "soon", scopes=["assessments:read"], expires_at=timezone.now() + timedelta(hours=1)
    )
    assert _call(soon_key, "get", "/assessments").status_code == 200
    ApiToken.objects.filter(pk=soon.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = _call(soon_key, "get", "/assessments")
    assert response.status_code == 401 and response.json() == {"detail": "Unauthorized"}
    assert ApiToken.lookup(soon_key) is None


# --- the keys page -------------------------------------------------------------------------


def _signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _csrf(client: Client) -> str:
    page = client.get("/api-keys/")
    assert page.status_code == 200
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)


def test_the_page_needs_a_staff_sign_in(client, django_user_model):
    anonymous = client.get("/api-keys/")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/?next=/api-keys/")
    client.force_login(django_user_model.objects.create_user("learner", password="pw-for-tests-only"))
    assert client.get("/api-keys/").status_code == 403
    assert (
        client.post(
            "/api-keys/", {"name": "x", "scopes": ["assessments:read"], "expires_in_days": "30"}
        ).status_code
        == 403
    )
    assert not ApiToken.objects.exists()


def test_a_key_is_created_on_the_page_shown_once_and_stored_as_a_hash(manager, version):
    client = _signed_in(manager)
    token = _csrf(client)
    created = client.post(
        "/api-keys/",
        {
            "name": "ci",
            "scopes": ["assessments:read", "results:read"],
            "expires_in_days": "30",
            "csrfmiddlewaretoken": token,
        },
    )
    assert created.status_code == 200
    assert "no-store" in created["Cache-Control"]
    key = re.search(r"(mli_[A-Za-z0-9_-]{20,})", created.content.decode()).group(1)
    row = ApiToken.objects.get(name="ci")
    assert row.user == manager and sorted(row.scopes) == ["assessments:read", "results:read"]
    assert timedelta(days=29) < row.expires_at - timezone.now() <= timedelta(days=30)
    assert key not in json.dumps(list(ApiToken.objects.values()), default=str)
    assert ApiToken.lookup(key) == row
    # Shown once: the list afterwards names the key but never shows it again.
    listed = client.get("/api-keys/").content.decode()
    assert "ci" in listed and key not in listed and "assessments:read" in listed
    assert _call(key, "get", "/assessments").status_code == 200
    assert _call(key, "post", "/assessments", {"title": "no"}).status_code == 403


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"name": "x", "scopes": ["assessments:read"], "expires_in_days": "9999"}, "expires_in_days"),
        ({"name": "x", "scopes": ["everything"], "expires_in_days": "30"}, "scopes"),
        ({"name": "x", "expires_in_days": "30"}, "scopes"),
        ({"name": "", "scopes": ["assessments:read"], "expires_in_days": "30"}, "name"),
    ],
)
def test_the_page_refuses_a_bad_request_and_issues_nothing(manager, form, message):
    client = _signed_in(manager)
    response = client.post("/api-keys/", {**form, "csrfmiddlewaretoken": _csrf(client)})
    assert response.status_code == 400 and f'id="error-{message}"' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_creating_or_revoking_without_the_csrf_token_is_refused(manager):
    client = _signed_in(manager)
    refused = client.post(
        "/api-keys/", {"name": "x", "scopes": ["assessments:read"], "expires_in_days": "30"}
    )
    assert refused.status_code == 403 and not ApiToken.objects.exists()
    row, key = ApiToken.issue(manager, "laptop", scopes=["assessments:read"])
    assert client.post(f"/api-keys/{row.pk}/revoke/").status_code == 403
    assert ApiToken.lookup(key) == row


def test_a_user_revokes_their_own_key_and_no_one_elses(manager, django_user_model, version):
    other = django_user_model.objects.create_user("olga", password="pw-for-tests-only", is_staff=True)
    other.groups.add(Group.objects.get(name="recruiter"))
    theirs, their_key = ApiToken.issue(other, "olga's", scopes=["assessments:read"])
    mine, my_key = ApiToken.issue(manager, "mine", scopes=["assessments:read"])
    client = _signed_in(manager)
    token = _csrf(client)
    assert "olga&#x27;s" not in client.get("/api-keys/").content.decode()
    assert client.post(f"/api-keys/{theirs.pk}/revoke/", {"csrfmiddlewaretoken": token}).status_code == 404
    assert _call(their_key, "get", "/assessments").status_code == 200
    revoked = client.post(f"/api-keys/{mine.pk}/revoke/", {"csrfmiddlewaretoken": token})
    assert revoked.status_code == 302 and revoked["Location"] == "/api-keys/"
    mine.refresh_from_db()
    assert mine.revoked_at is not None
    assert _call(my_key, "get", "/assessments").status_code == 401


def test_the_command_issues_a_scoped_expiring_key(manager):
    out = StringIO()
    call_command(
        "create_api_token",
        "mona",
        "--scope",
        "results:read",
        "--expires-in-days",
        "30",
        "--name",
        "ci",
        stdout=out,
    )
    token = ApiToken.lookup(out.getvalue().strip())
    assert token is not None and token.scopes == ["results:read"] and token.name == "ci"
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    with pytest.raises(CommandError, match="unknown scopes"):
        call_command("create_api_token", "mona", "--scope", "everything", stdout=StringIO())
    assert ApiToken.objects.count() == 1
