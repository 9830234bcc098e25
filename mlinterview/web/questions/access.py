"""Who may read the bank's reference answers and rubrics on the site.

Candidates must never see them, and candidates may use the same server to take assessments, so
by default only signed-in staff (anyone holding a staff role, ``accounts/staff.py``) can open the
bank. A site run purely for open practice can set ``MLINTERVIEW_PUBLIC_BANK=1``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from mlinterview.web.accounts.staff import is_staff_member


def bank_is_public() -> bool:
    return bool(getattr(settings, "MLINTERVIEW_PUBLIC_BANK", False))


def can_read_bank(request: HttpRequest) -> bool:
    return bank_is_public() or is_staff_member(request.user)


def bank_reader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if can_read_bank(request):
            return view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied(
            "The question bank shows reference answers and rubrics, so it is for the hiring team."
        )

    return wrapper
