"""The wire protocol between a ``Sandbox`` and its helper process: a ``RunRequest`` one way and a
``RunResult`` back, each a length-prefixed JSON document on a stream socket (bytes as base64).
Both ends ship in this package, so the format only has to agree with itself."""

from __future__ import annotations

import base64
import json
import socket
import struct
from dataclasses import asdict
from typing import Any

from mlinterview.sandbox.model import Limits, RunRequest, RunResult, Verdict

_HEADER = struct.Struct("!Q")
MAX_MESSAGE = 512 * 2**20


def send(conn: socket.socket, document: dict[str, Any]) -> None:
    data = json.dumps(document).encode()
    conn.sendall(_HEADER.pack(len(data)) + data)


def receive(conn: socket.socket) -> dict[str, Any]:
    (size,) = _HEADER.unpack(_receive_exactly(conn, _HEADER.size))
    if size > MAX_MESSAGE:
        raise ConnectionError(f"a message of {size:,} bytes is too large")
    document: dict[str, Any] = json.loads(_receive_exactly(conn, size))
    return document


def _receive_exactly(conn: socket.socket, size: int) -> bytes:
    chunks, remaining = [], size
    while remaining:
        chunk = conn.recv(min(remaining, 1 << 20))
        if not chunk:
            raise ConnectionError("the other side closed the connection")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def request_to_wire(request: RunRequest) -> dict[str, Any]:
    return {
        "files": {n: _b64(c.encode() if isinstance(c, str) else c) for n, c in request.files.items()},
        "entrypoint": request.entrypoint,
        "args": list(request.args),
        "limits": asdict(request.limits),
        "stdin": _b64(request.stdin),
        "collect": list(request.collect),
    }


def request_from_wire(wire: dict[str, Any]) -> RunRequest:
    """The request again; its checks run again (``ValueError`` on a bad name or limit)."""
    return RunRequest(
        files={name: _unb64(data) for name, data in wire["files"].items()},
        entrypoint=wire["entrypoint"],
        args=wire["args"],
        limits=Limits(**wire["limits"]),
        stdin=_unb64(wire["stdin"]),
        collect=wire["collect"],
    )


def result_to_wire(result: RunResult) -> dict[str, Any]:
    wire = asdict(result)
    wire["verdict"] = result.verdict.value
    wire["stdout"], wire["stderr"] = _b64(result.stdout), _b64(result.stderr)
    wire["outputs"] = {name: _b64(data) for name, data in result.outputs.items()}
    return wire


def result_from_wire(wire: dict[str, Any]) -> RunResult:
    wire = dict(wire)
    wire["verdict"] = Verdict(wire["verdict"])
    wire["stdout"], wire["stderr"] = _unb64(wire["stdout"]), _unb64(wire["stderr"])
    wire["outputs"] = {name: _unb64(data) for name, data in wire["outputs"].items()}
    return RunResult(**wire)
