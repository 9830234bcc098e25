"""Issue 14, finding 5: password guessing on the sign-in pages is stopped after a few failures.

Every request goes through the real test client, with the throttle (django-axes) switched on as in
production: failures are counted per username and client address, a locked pair is refused even
with the right password until the cool-off has passed, and a successful sign-in clears the count.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.db.models import F

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-only"
SITE = "/login/"
ADMIN = "/admin/login/"
LOCKED = "Too many failed sign-in attempts"


@pytest.fixture
def people(django_user_model):
    """An ordinary account and a staff account (the one that opens the admin)."""
    django_user_model.objects.create_user("practiser", password=PASSWORD)
    django_user_model.objects.create_user("boss", password=PASSWORD, is_staff=True, is_superuser=True)
    django_user_model.objects.create_user("bystander", password=PASSWORD, is_staff=True)


def _try(client, url: str, username: str, password: str):
    return client.post(url, {"username": username, "password": password, "next": "/"})


def _guess(client, url: str, username: str, times: int) -> None:
    for n in range(times):
        _try(client, url, username, f"wrong-guess-{n}")


def _signed_in(response) -> bool:
    return response.status_code == 302


def _refused_as_locked(response) -> bool:
    return response.status_code in (403, 429) and LOCKED in response.content.decode()


def _pass_cool_off() -> None:
    """Move every recorded failure further into the past than the cool-off."""
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(1))


def test_the_throttle_is_on_with_a_small_limit_and_a_cool_off():
    assert settings.AXES_ENABLED
    assert 3 <= settings.AXES_FAILURE_LIMIT <= 10
    assert timedelta(minutes=5) <= settings.AXES_COOLOFF_TIME <= timedelta(hours=1)


@pytest.mark.parametrize(("url", "username"), [(SITE, "practiser"), (ADMIN, "boss")])
def test_six_wrong_passwords_lock_the_account_even_for_the_right_one(client, people, url, username):
    _guess(client, url, username, 6)
    response = _try(client, url, username, PASSWORD)
    assert _refused_as_locked(response), (response.status_code, response.content[:300])
    assert "15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(("url", "username"), [(SITE, "practiser"), (ADMIN, "boss")])
def test_a_locked_account_does_not_lock_another_user_on_the_same_client(client, people, url, username):
    _guess(client, url, username, 6)
    assert _refused_as_locked(_try(client, url, username, PASSWORD))
    assert _signed_in(_try(client, url, "bystander", PASSWORD))


@pytest.mark.parametrize(("url", "username"), [(SITE, "practiser"), (ADMIN, "boss")])
def test_the_right_password_works_again_after_the_cool_off(client, people, url, username):
    _guess(client, url, username, 6)
    assert _refused_as_locked(_try(client, url, username, PASSWORD))
    _pass_cool_off()
    assert _signed_in(_try(client, url, username, PASSWORD))


def test_a_successful_sign_in_resets_the_count(client, people):
    limit = settings.AXES_FAILURE_LIMIT
    _guess(client, SITE, "practiser", limit - 1)
    assert _signed_in(_try(client, SITE, "practiser", PASSWORD))
    client.logout()
    # Another run of failures just short of the limit: had the first run still counted, the
    # account would be locked now.
    _guess(client, SITE, "practiser", limit - 1)
    assert _signed_in(_try(client, SITE, "practiser", PASSWORD))


def test_an_administrator_can_unlock_with_the_management_command(client, people):
    from django.core.management import call_command

    _guess(client, SITE, "practiser", 6)
    assert _refused_as_locked(_try(client, SITE, "practiser", PASSWORD))
    call_command("axes_reset_username", "practiser", verbosity=0)
    assert _signed_in(_try(client, SITE, "practiser", PASSWORD))
