"""Issue 14, finding 5: the practice sign-up page must not confirm which staff accounts exist.

A name that cannot be had gets one message whatever the reason: held by a staff account, held by an
ordinary account, or one of the names kept back for the site (``admin`` and the like, refused
whether or not anyone holds it). The message never says that an account exists or is staff.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-pass-phrase-42"


def _signup(client, username: str):
    return client.post(
        "/signup/",
        {
            "username": username,
            "email": f"{username.lower()}-new@example.com",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )


def _username_error(response) -> str:
    assert response.status_code == 200, "the sign-up was accepted"
    found = re.search(
        r'<div class="error" id="id_username_error" role="alert">(.*?)</div>', response.content.decode(), re.S
    )
    assert found, "no error shown"
    return unescape(found.group(1)).strip()


@pytest.fixture
def accounts(django_user_model):
    django_user_model.objects.create_user("headhunter", password="pw-for-tests-only", is_staff=True)
    django_user_model.objects.create_user("admin", password="pw-for-tests-only", is_superuser=True)
    django_user_model.objects.create_user("learner", password="pw-for-tests-only")


def test_a_taken_staff_name_reads_like_any_other_unavailable_name(client, accounts):
    staff = _username_error(_signup(client, "headhunter"))
    admin = _username_error(_signup(client, "Admin"))
    ordinary = _username_error(_signup(client, "learner"))
    held_by_nobody = _username_error(_signup(client, "administrator"))
    assert staff == admin == ordinary == held_by_nobody
    for telling in ("staff", "admin", "exist", "already", "taken"):
        assert telling not in staff.lower(), staff


def test_reserved_names_are_refused_even_when_no_account_holds_them(client, django_user_model):
    for name in ("admin", "root", "Administrator"):
        assert _username_error(_signup(client, name))
    assert not django_user_model.objects.exists()


def test_a_free_name_still_signs_up(client, accounts, django_user_model):
    response = _signup(client, "newcomer")
    assert response.status_code == 302 and response["Location"] == "/practice/"
    assert not django_user_model.objects.get(username="newcomer").is_staff
