"""A real SMTP server on the loopback interface (aiosmtpd), for tests that check what a mail
server receives. The socket is bound to port 0 here and handed to the server as it is, so no other
process can take the port between picking it and listening on it."""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.smtp import SMTP


@dataclass
class Received:
    """Each message the server accepted, parsed, with the envelope's recipients."""

    messages: list[EmailMessage] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(parsed)  # type: ignore[arg-type]
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted"


@dataclass
class SmtpServer:
    host: str
    port: int
    received: Received


@contextmanager
def smtp_server() -> Iterator[SmtpServer]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    received = Received()
    loop = asyncio.new_event_loop()
    started = threading.Event()
    holder: dict[str, Any] = {}

    async def serve() -> None:
        holder["server"] = await loop.create_server(lambda: SMTP(received), sock=sock)
        started.set()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(serve())
        loop.run_forever()

    thread = threading.Thread(target=run, name="smtp", daemon=True)
    thread.start()
    assert started.wait(10), "the test SMTP server did not start"
    try:
        yield SmtpServer("127.0.0.1", port, received)
    finally:

        async def close() -> None:
            holder["server"].close()
            await holder["server"].wait_closed()

        asyncio.run_coroutine_threadsafe(close(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def bodies(message: EmailMessage) -> tuple[str, str]:
    """The plain-text and HTML bodies of a received message ('' for a part it lacks)."""
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    return (plain.get_content() if plain else "", html.get_content() if html else "")
