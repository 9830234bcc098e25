"""A webhook receiver of the tests' own: a real HTTP server on a loopback port, in a thread,
that records every request and answers with the status codes it is told to, one per request
(then 200). ``hold`` makes it keep the first request open until released (a worker killed
mid-delivery)."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    def signed_by(self, secret: str) -> bool:
        """The receiving side's check, written here from the README's recipe rather than taken
        from the app's signing module."""
        stamp = self.headers["X-Mlinterview-Timestamp"]
        expected = hmac.new(secret.encode(), stamp.encode() + b"." + self.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest("sha256=" + expected, self.headers["X-Mlinterview-Signature"])


class Receiver:
    def __init__(self, answers: list[int] | None = None, *, hold_first: bool = False) -> None:
        self.answers = list(answers or [])
        self.received: list[Received] = []
        self.arrived = threading.Event()
        self.release = threading.Event()
        self.hold_first = hold_first
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                first = not owner.received
                owner.received.append(Received(self.path, dict(self.headers.items()), body))
                owner.arrived.set()
                if first and owner.hold_first:
                    owner.release.wait(60)
                status = owner.answers.pop(0) if owner.answers else 200
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:
                    pass  # the sender is gone

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/mlinterview"

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
