"""Issue 14, finding 9: an administrator can close self-registration.

``MLINTERVIEW_SIGNUP=off`` closes it: the sign-up page then answers 404 with a page that says
registration is closed, creates no account when posted to, and no page links to it any more.
"""

from __future__ import annotations

import pytest

from mlinterview.web.config import build_settings

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-pass-phrase-42"
LINK = 'href="/signup/"'


def _signup(client):
    return client.post(
        "/signup/",
        {
            "username": "newcomer",
            "email": "newcomer@example.com",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )


@pytest.mark.parametrize(("value", "is_open"), [(None, True), ("on", True), ("off", False), ("0", False)])
def test_the_switch_is_read_from_the_environment(value, is_open):
    env = {} if value is None else {"MLINTERVIEW_SIGNUP": value}
    assert build_settings(env)["MLINTERVIEW_SIGNUP_OPEN"] is is_open


def test_open_by_default_and_linked(client, django_user_model):
    assert client.get("/signup/").status_code == 200
    assert LINK in client.get("/login/").content.decode()
    assert _signup(client).status_code == 302
    assert django_user_model.objects.filter(username="newcomer").exists()


def test_closed_registration_refuses_the_page_and_the_form(client, django_user_model, settings):
    settings.MLINTERVIEW_SIGNUP_OPEN = False
    page = client.get("/signup/")
    assert page.status_code == 404
    assert "Registration is closed" in page.content.decode()
    posted = _signup(client)
    assert posted.status_code == 404
    assert not django_user_model.objects.filter(username="newcomer").exists()


@pytest.mark.parametrize("url", ["/login/", "/", "/password-reset/"])
def test_closed_registration_is_not_linked(client, settings, url):
    settings.MLINTERVIEW_SIGNUP_OPEN = False
    response = client.get(url)
    assert response.status_code == 200, url
    assert LINK not in response.content.decode()
