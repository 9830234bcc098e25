"""Failing cleanly when the database is away (a restart, a failover, a network blip)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

log = logging.getLogger("mlinterview.web")
MESSAGE = "The service is briefly unavailable; nothing was saved by this request. Please retry in a moment."


class DatabaseUnavailableMiddleware:
    """A lost database connection answers 503 with a Retry-After header (JSON for scripts and
    the autosave, a short page otherwise) instead of a generic 500; Django reconnects on the next
    request once the database is back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        log.warning("database unavailable: %s %s: %s", request.method, request.path, exception)
        wants_json = request.content_type == "application/json" or "json" in request.headers.get("Accept", "")
        response: HttpResponse
        if wants_json:
            response = JsonResponse({"error": MESSAGE}, status=503)
        else:
            response = HttpResponse(MESSAGE, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "5"
        return response
