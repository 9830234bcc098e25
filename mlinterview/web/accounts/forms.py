"""Sign-in forms that ask for the code of an authenticator app after the password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django_otp.forms import OTPAuthenticationFormMixin

from mlinterview.web.accounts import two_factor

CODE_LABEL = "Code from your authenticator app"


def _code_field() -> forms.CharField:
    return forms.CharField(
        label=CODE_LABEL,
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class _CodeAfterPassword(OTPAuthenticationFormMixin):
    """The password is checked first (through ``authenticate``, where the throttle counts and locks);
    an account with a confirmed device must then give the current code, which django-otp checks on
    that device. A missing or wrong code fails like a wrong password: the same message (so a guesser
    never learns that the password was right) and one more failure toward the lockout."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()  # type: ignore[misc]
        user = self.get_user()  # type: ignore[attr-defined]
        device = two_factor.confirmed_device(user) if user is not None else None
        if device is None:
            return cleaned
        self.cleaned_data["otp_device"] = device.persistent_id  # type: ignore[attr-defined]
        try:
            self.clean_otp(user)
        except ValidationError:
            self.user_cache = None
            two_factor.second_factor_failed(self.request, cleaned.get("username", ""))  # type: ignore[attr-defined]
            raise self.get_invalid_login_error() from None  # type: ignore[attr-defined]
        return cleaned

    def _update_form(self, user: Any) -> None:
        # django-otp would echo the password back into the form for a second try; not here.
        return None


class SignInForm(_CodeAfterPassword, AuthenticationForm):
    """The site's sign-in form (``/login/``)."""

    otp_token = _code_field()


class AdminSignInForm(_CodeAfterPassword, AdminAuthenticationForm):
    """The admin's sign-in form (``/admin/login/``)."""

    otp_token = _code_field()
