"""The endpoints Greenhouse calls. Thin: each authenticates the key, parses JSON and hands over to
``services``. Errors answer JSON ``{"errors": [...]}`` (the shape of Greenhouse's own
response_error reports) with 400 (malformed), 401 (no or unknown key, with a Basic challenge),
403 (revoked key), 404 (unknown test or test instance), 405 (wrong method), 409 (cannot invite)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from mlinterview.web.greenhouse import keys, services
from mlinterview.web.greenhouse.models import ApiKey

View = Callable[[HttpRequest, ApiKey], JsonResponse]


def _errors(status: int, *messages: str) -> JsonResponse:
    response = JsonResponse({"errors": list(messages)}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Basic realm="greenhouse", charset="UTF-8"'
    return response


def endpoint(method: str) -> Callable[[View], Callable[[HttpRequest], JsonResponse]]:
    def decorate(view: View) -> Callable[[HttpRequest], JsonResponse]:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest) -> JsonResponse:
            try:
                api_key = keys.authenticate(request.headers.get("Authorization"))
            except keys.AuthError as exc:
                return _errors(exc.status, exc.message)
            if request.method != method:
                response = _errors(405, f"Use {method}.")
                response["Allow"] = method
                return response
            try:
                return view(request, api_key)
            except services.ProtocolError as exc:
                return _errors(exc.status, *exc.messages)

        return wrapper

    return decorate


def _json(request: HttpRequest) -> Any:
    try:
        return json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise services.ProtocolError(400, "The body is not valid JSON.") from None


@endpoint("GET")
def list_tests(request: HttpRequest, api_key: ApiKey) -> JsonResponse:
    return JsonResponse(services.list_tests(api_key), safe=False)


@endpoint("POST")
def send_test(request: HttpRequest, api_key: ApiKey) -> JsonResponse:
    interview_id = services.send_test(api_key, _json(request), request.build_absolute_uri("/"))
    return JsonResponse({"partner_interview_id": interview_id})


@endpoint("GET")
def test_status(request: HttpRequest, api_key: ApiKey) -> JsonResponse:
    body = services.test_status(api_key, request.GET.get("partner_interview_id"), request.build_absolute_uri)
    return JsonResponse(body)


@endpoint("POST")
def response_error(request: HttpRequest, api_key: ApiKey) -> JsonResponse:
    services.response_error(api_key, _json(request))
    return JsonResponse({"status": 200})
