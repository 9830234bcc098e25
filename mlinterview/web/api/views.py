"""The API keys page: a staff member creates, lists and revokes their own keys."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods, require_POST

from mlinterview.web.accounts.staff import is_staff_member
from mlinterview.web.api.forms import NewKeyForm
from mlinterview.web.api.keys import issue_key, keys_of, revoke_key


def may_hold_keys(user: Any) -> bool:
    """API keys are for staff (anyone holding a staff role); the header's link asks the same."""
    return is_staff_member(user)


def _staff(request: HttpRequest) -> None:
    if not may_hold_keys(request.user):
        raise PermissionDenied("API keys let the hiring team's own scripts read and change assessments.")


@login_required
@require_http_methods(["GET", "POST"])
def key_list(request: HttpRequest) -> HttpResponse:
    _staff(request)
    new_key = None
    status = 200
    if request.method == "POST":
        form = NewKeyForm(request.POST)
        if form.is_valid():
            _, new_key = issue_key(
                request.user,
                form.cleaned_data["name"],
                form.cleaned_data["scopes"],
                form.cleaned_data["expires_in_days"],
            )
            form = NewKeyForm()
        else:
            status = 400
    else:
        form = NewKeyForm()
    response = render(
        request,
        "api/keys.html",
        {"form": form, "keys": keys_of(request.user), "new_key": new_key},
        status=status,
    )
    # The page may carry a new key: no cache may keep it.
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def key_revoke(request: HttpRequest, key_id: int) -> HttpResponse:
    _staff(request)
    if not revoke_key(request.user, key_id):
        raise Http404("No such live key of yours.")
    return redirect("api-keys")
