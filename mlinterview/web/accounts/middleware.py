"""After django-otp's ``OTPMiddleware``: a session lacking the second factor its account needs is not
signed in (for instance one signed in before the account's device was confirmed), and, when the
administrator requires two-factor sign-in for all staff, staff without a device are sent to set one up."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from mlinterview.web.accounts import two_factor

# Pages a staff member who must still set up a device may open.
_ENROL_EXEMPT = ("two-factor", "two-factor-qr", "logout")


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():  # type: ignore[union-attr]
            if two_factor.has_device(user):
                logout(request)
            elif two_factor.must_enrol(user) and not self._exempt(request):
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('two-factor')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _exempt(request: HttpRequest) -> bool:
        if request.path.startswith("/" + str(settings.STATIC_URL).lstrip("/")):
            return True
        return request.path in {reverse(name) for name in _ENROL_EXEMPT}
