"""The admin site, on django-otp's: sign-in asks for the code of an authenticator app, and a session
that lacks the second factor its account needs is refused."""

from __future__ import annotations

from django.http import HttpRequest
from django_otp.admin import OTPAdminSite

from mlinterview.web.accounts import two_factor
from mlinterview.web.accounts.forms import AdminSignInForm


class ProjectAdminSite(OTPAdminSite):
    login_form = AdminSignInForm

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def has_permission(self, request: HttpRequest) -> bool:
        # django-otp's site insists on a verified session for everyone; here only accounts that
        # have a device, or staff while the administrator requires one, must be verified.
        return bool(request.user.is_active and request.user.is_staff and two_factor.fully_signed_in(request))
