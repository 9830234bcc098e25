"""A small helper process that starts the sandboxed runs on behalf of a big one.

Starting a run means forking a process that joins the run's cgroup, sets rlimits and drops to
the run's uid before it executes bubblewrap. Forking copies the page tables of the forking
process: from a web worker with torch and pandas loaded that costs milliseconds per run, and
running Python code between fork and exec in a process with many threads is fragile. So a
``Sandbox`` hands each run to this helper: a separate interpreter that imports only the standard
library and this package's stdlib-only sandbox modules, and forks cheaply.

Protocol: the parent holds one end of a ``SOCK_SEQPACKET`` socket pair; for each run it creates a
fresh stream socket pair and passes one end over it (``SCM_RIGHTS``). On that stream it sends
one request and reads one result, each a length-prefixed JSON document (bytes as base64). The
helper runs each request on its own thread and exits when the parent's end is closed (which the
kernel does when the parent dies).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mlinterview.sandbox.model import Limits, RunResult, Verdict

_HEADER = struct.Struct("!Q")
MAX_MESSAGE = 512 * 2**20


def _send(conn: socket.socket, document: dict[str, Any]) -> None:
    data = json.dumps(document).encode()
    conn.sendall(_HEADER.pack(len(data)) + data)


def _receive_exactly(conn: socket.socket, size: int) -> bytes:
    chunks, remaining = [], size
    while remaining:
        chunk = conn.recv(min(remaining, 1 << 20))
        if not chunk:
            raise ConnectionError("the other side closed the connection")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _receive(conn: socket.socket) -> dict[str, Any]:
    (size,) = _HEADER.unpack(_receive_exactly(conn, _HEADER.size))
    if size > MAX_MESSAGE:
        raise ConnectionError(f"a message of {size:,} bytes is too large")
    document: dict[str, Any] = json.loads(_receive_exactly(conn, size))
    return document


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


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


# -- the helper process ------------------------------------------------------------------------
def serve(control_fd: int, runtime: str, warm: bool = True) -> None:
    """Main loop of the helper: one thread per run, until the parent closes its end."""
    from mlinterview.sandbox.runner import Sandbox

    box = Sandbox(runtime=runtime, slots=256, in_process=True, warm=warm)
    control = socket.socket(fileno=control_fd)
    try:
        while True:
            try:
                _, fds, _, _ = socket.recv_fds(control, 16, 1)
            except OSError:
                break
            if not fds:
                break  # the parent closed its end or died
            threading.Thread(target=_handle, args=(box, fds[0]), daemon=True).start()
    finally:
        box.close()


def _handle(box: Any, fd: int) -> None:
    with socket.socket(fileno=fd) as conn:
        try:
            request = _receive(conn)
        except (ConnectionError, ValueError, OSError):
            return
        try:
            result = box.run(
                {name: _unb64(data) for name, data in request["files"].items()},
                request["entrypoint"],
                args=request["args"],
                limits=Limits(**request["limits"]),
                stdin=_unb64(request["stdin"]),
                collect=request["collect"],
            )
        except Exception as exc:  # noqa: BLE001 - reported to the parent as a sandbox error
            result = RunResult.failed(str(exc))
        with contextlib.suppress(OSError):  # the parent gave up waiting
            _send(conn, result_to_wire(result))


# -- the parent's side ---------------------------------------------------------------------------
_BOOT = (
    "import sys; sys.path.insert(0, {root!r}); "
    "from mlinterview.sandbox.server import serve; serve({fd}, {runtime!r}, {warm!r})"
)


class HelperClient:
    """Starts the helper on first use (and again if it died) and sends it runs."""

    def __init__(self, runtime: Path, *, warm: bool = True) -> None:
        self.runtime, self.warm = runtime, warm
        self.started_pids: list[int] = []  # every helper process this client started
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._control: socket.socket | None = None

    def _ensure_started(self) -> socket.socket:
        if self._process is not None and self._process.poll() is None and self._control is not None:
            return self._control
        self._stop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        root = str(Path(__file__).resolve().parent.parent.parent)
        command = [
            sys.executable,
            "-I",  # isolated: no environment variables, no user site, no current dir on the path
            "-S",  # no site-packages either: the helper needs only the standard library
            "-c",
            _BOOT.format(root=root, fd=theirs.fileno(), runtime=str(self.runtime), warm=self.warm),
        ]
        self._process = subprocess.Popen(command, pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        self.started_pids.append(self._process.pid)
        theirs.close()
        self._control = ours
        weakref.finalize(self, _shutdown, ours, self._process)
        return ours

    def stop(self) -> None:
        """Stop the helper (it cleans up after itself); the next run starts a new one."""
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self._control is not None:
            _shutdown(self._control, self._process)
        self._control, self._process = None, None

    def run(
        self,
        files: Mapping[str, str | bytes],
        entrypoint: str,
        args: Sequence[str],
        limits: Limits,
        stdin: bytes,
        collect: Sequence[str],
    ) -> RunResult:
        request = {
            "files": {n: _b64(c.encode() if isinstance(c, str) else c) for n, c in files.items()},
            "entrypoint": entrypoint,
            "args": list(args),
            "limits": asdict(limits),
            "stdin": _b64(stdin),
            "collect": list(collect),
        }
        problem = ""
        for _attempt in range(2):  # a helper that died is restarted once
            ours, theirs = socket.socketpair()
            try:
                with self._lock:
                    control = self._ensure_started()
                    try:
                        socket.send_fds(control, [b"run"], [theirs.fileno()])
                    except OSError as exc:
                        problem = f"the sandbox helper is gone ({exc})"
                        self._stop()
                        continue
                theirs.close()
                _send(ours, request)
                return result_from_wire(_receive(ours))
            except (ConnectionError, OSError, ValueError) as exc:
                problem = f"the sandbox helper stopped during the run ({exc})"
                with self._lock:
                    if self._process is not None and self._process.poll() is not None:
                        self._stop()
            finally:
                ours.close()
                if theirs.fileno() != -1:
                    theirs.close()
        return RunResult.failed(problem)


def _shutdown(control: socket.socket, process: subprocess.Popen[bytes] | None) -> None:
    control.close()
    if process is not None:
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":  # pragma: no cover - started through _BOOT
    serve(int(sys.argv[1]), sys.argv[2])
    os._exit(0)
