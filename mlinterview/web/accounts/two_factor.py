"""Two-factor sign-in for staff: who must give a code, and turning an authenticator app on or off.

The devices, their keys, code checks (with django-otp's own replay guard and back-off) and the
session's "verified by this device" mark all come from django-otp and its TOTP plugin; this module
only holds the project's rules on top of them:

- an account with a confirmed device must give its code at every sign-in, on the site and the admin;
- with ``MLINTERVIEW_REQUIRE_STAFF_2FA`` on, a staff account (or a fairness auditor's) without a
  device may do nothing but set one up;
- a wrong code is a failed sign-in, counted by the login throttle like a wrong password.
"""

from __future__ import annotations

import base64
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from mlinterview.web.accounts import roles
from mlinterview.web.accounts.staff import is_staff_member

DEVICE_NAME = "Authenticator app"


def required_for_staff() -> bool:
    return bool(getattr(settings, "MLINTERVIEW_REQUIRE_STAFF_2FA", False))


def confirmed_device(user: Any) -> TOTPDevice | None:
    """The account's authenticator app, once set up and confirmed with a code."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_device(user: Any) -> bool:
    return bool(user.is_authenticated and user_has_device(user, confirmed=True))


def held_to_staff_rules(user: Any) -> bool:
    """Staff, and the fairness auditor: no hiring role, but sees candidates' self-identification."""
    return is_staff_member(user) or bool(
        user.is_authenticated and user.is_active and user.has_perm(roles.AUDIT_FAIRNESS)
    )


def must_enrol(user: Any) -> bool:
    """Staff (and auditors) without a device while the administrator requires two-factor sign-in for
    all staff."""
    return required_for_staff() and held_to_staff_rules(user) and not has_device(user)


def fully_signed_in(request: HttpRequest) -> bool:
    """Signed in with every factor this account needs."""
    user = request.user
    if not user.is_authenticated:
        return False
    if user.is_verified():  # type: ignore[union-attr]
        return True
    return not has_device(user) and not must_enrol(user)


def pending_device(user: Any) -> TOTPDevice:
    """The unconfirmed device being set up (a fresh random key the first time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The device's key as an authenticator app takes it when typed in: base32, no padding."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def confirm_device(request: HttpRequest, device: TOTPDevice, code: str) -> bool:
    """Turn ``device`` on if ``code`` is the one its key shows now; the session then counts as
    verified by it. Wrong codes are subject to django-otp's back-off for that device."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=request.user)
        allowed, _ = device.verify_is_allowed()
        if not allowed or not device.verify_token(code.strip()):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    otp_login(request, device)
    return True


def turn_off(request: HttpRequest, code: str) -> bool:
    """Remove the account's authenticator app, if ``code`` is its current code."""
    device = confirmed_device(request.user)
    if device is None:
        return False
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, _ = device.verify_is_allowed()
        if not allowed or not device.verify_token(code.strip()):
            return False
        TOTPDevice.objects.filter(user=device.user).delete()
    return True


def second_factor_failed(request: HttpRequest | None, username: str) -> None:
    """Record a wrong or missing code as a failed sign-in: django-axes listens to this signal, so
    wrong codes count toward the same lockout as wrong passwords."""
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
