"""Who may read the bank's reference answers and rubrics on the site.

Candidates must never see them, and candidates may use the same server to take assessments, so
by default only signed-in staff can open the bank. A site run purely for open practice can set
``MLINTERVIEW_PUBLIC_BANK=1``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def bank_is_public() -> bool:
    return bool(getattr(settings, "MLINTERVIEW_PUBLIC_BANK", False))


def can_read_bank(request: HttpRequest) -> bool:
    user = request.user
    return bank_is_public() or (user.is_authenticated and user.is_active and user.is_staff)


def bank_reader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if can_read_bank(request):
            return view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return render(request, "questions/forbidden.html", status=403)

    return wrapper
