"""One HTTP POST of a signed webhook body, to the address that was checked.

The host is resolved and checked (``targets.resolve``) right before connecting, and the
connection goes to that address (TLS still verifies the certificate against the host name), so
the name cannot be re-resolved to a private address between the check and the request.
Redirects are not followed: a 3xx counts as a failure, as a redirect could lead anywhere.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from mlinterview.web.webhooks.targets import TargetRefused, check_url, resolve

MAX_ERROR = 500


@dataclass
class Outcome:
    status_code: int | None
    error: str
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a given address, verifying the certificate for the URL's host name."""

    def __init__(self, address: str, host: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, address: str, host: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


def post(url: str, body: bytes, headers: dict[str, str], *, timeout: float, allow_private: bool) -> Outcome:
    started = time.monotonic()

    def done(status: int | None, error: str = "") -> Outcome:
        return Outcome(status, error[:MAX_ERROR], int((time.monotonic() - started) * 1000))

    try:
        scheme, host, port = check_url(url)
        address = resolve(url, allow_private=allow_private)
    except TargetRefused as exc:
        return done(None, f"Refused: {exc}")
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    connection = kind(address, host, port, timeout)
    try:
        connection.request("POST", path, body=body, headers={**headers, "Content-Type": "application/json"})
        response = connection.getresponse()
        response.read(64 * 1024)  # a little of the answer, so the connection ends cleanly
        error = "" if 200 <= response.status < 300 else f"HTTP {response.status} {response.reason}"
        return done(response.status, error)
    except (OSError, http.client.HTTPException) as exc:
        return done(None, f"{type(exc).__name__}: {exc}")
    finally:
        connection.close()
