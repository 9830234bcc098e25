"""The helper process that carries out sandboxed runs on behalf of a big one (a web worker, the CLI).

Starting a run means forking a process that joins the run's cgroup, sets rlimits and drops to
the run's uid before it executes bubblewrap. Forking copies the page tables of the forking
process: from a web worker with torch and pandas loaded that costs milliseconds per run, and
running Python code between fork and exec in a process with many threads is fragile. So a
``Sandbox`` hands each run to this helper: a separate interpreter that imports only the standard
library and this package's stdlib-only modules, and forks cheaply. It is started (and restarted)
by ``helper_client.HelperClient``.

Protocol: the parent holds one end of a ``SOCK_SEQPACKET`` socket pair; for each run it creates a
fresh stream socket pair and passes one end over it (``SCM_RIGHTS``). On that stream it sends
one request and reads one result (``mlinterview.sandbox.wire``). The helper runs each request on
its own thread and exits when the parent's end is closed (which the kernel does when the parent dies).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import threading

from mlinterview.sandbox.executor import Executor
from mlinterview.sandbox.model import RunResult
from mlinterview.sandbox.runtime import runtime_dir
from mlinterview.sandbox.wire import receive, request_from_wire, result_to_wire, send

MAX_CONCURRENT_RUNS = 256


def serve(control_fd: int, runtime: str, warm: bool = True) -> None:
    """Main loop of the helper: one thread per run, until the parent closes its end."""
    executor = Executor(runtime_dir(runtime), warm=warm)
    slots = threading.BoundedSemaphore(MAX_CONCURRENT_RUNS)
    control = socket.socket(fileno=control_fd)
    try:
        while True:
            try:
                _, fds, _, _ = socket.recv_fds(control, 16, 1)
            except OSError:
                break
            if not fds:
                break  # the parent closed its end or died
            threading.Thread(target=_handle, args=(executor, slots, fds[0]), daemon=True).start()
    finally:
        executor.close()


def _handle(executor: Executor, slots: threading.BoundedSemaphore, fd: int) -> None:
    with socket.socket(fileno=fd) as conn:
        try:
            wire = receive(conn)
        except (ConnectionError, ValueError, OSError):
            return
        try:
            request = request_from_wire(wire)
            with slots:
                result = executor.run(request)
        except Exception as exc:  # noqa: BLE001 - reported to the parent as a sandbox error
            result = RunResult.failed(str(exc))
        with contextlib.suppress(OSError):  # the parent gave up waiting
            send(conn, result_to_wire(result))


if __name__ == "__main__":  # pragma: no cover - started through helper_client's boot line
    serve(int(sys.argv[1]), sys.argv[2])
    os._exit(0)
