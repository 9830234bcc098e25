"""Calling the REST API as one user, with an API key of theirs (every scope unless given)."""

from __future__ import annotations

import json

from django.test import Client

from mlinterview.web.api.models import ApiToken


class Api:
    """A client that calls the API with one user's key."""

    def __init__(self, user, name: str = "tests") -> None:
        _, key = ApiToken.issue(user, name)
        self.client = Client()
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    def get(self, path: str):
        return self.client.get(f"/api{path}", **self.headers)

    def post(self, path: str, body: object = None):
        data = json.dumps(body) if body is not None else ""
        return self.client.post(f"/api{path}", data, content_type="application/json", **self.headers)

    def delete(self, path: str):
        return self.client.delete(f"/api{path}", **self.headers)
