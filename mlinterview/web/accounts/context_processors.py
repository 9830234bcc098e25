"""What every page needs to know about accounts."""

from __future__ import annotations

from django.http import HttpRequest

from mlinterview.web.accounts.registration import signup_open


def registration(request: HttpRequest) -> dict[str, bool]:
    return {"signup_open": signup_open()}
