"""Who may read the API's documentation and OpenAPI schema: signed-in staff, or anyone when
``MLINTERVIEW_PUBLIC_API_DOCS`` is on. The setting is read on every request, and
``check --deploy`` warns when it is on."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import checks
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from mlinterview.web.accounts.staff import is_staff_member


def docs_access(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(settings, "MLINTERVIEW_PUBLIC_API_DOCS", False):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not is_staff_member(request.user):
                raise PermissionDenied("The API documentation is for the hiring team's own scripts.")
        return view(request, *args, **kwargs)

    return guarded


@checks.register(checks.Tags.security, deploy=True)
def public_api_docs_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if getattr(settings, "MLINTERVIEW_PUBLIC_API_DOCS", False):
        return [
            checks.Warning(
                "The API documentation and schema are public (MLINTERVIEW_PUBLIC_API_DOCS is on).",
                hint="They list every operation of the staff API; leave the setting off unless "
                "the site is meant to publish them.",
                id="mlinterview.W001",
            )
        ]
    return []
