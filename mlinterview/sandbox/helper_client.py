"""The parent's side of the helper process (``mlinterview.sandbox.helper``): start it on first use,
start it again if it died, hand it one ``RunRequest`` per run and read the ``RunResult`` back."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import weakref
from pathlib import Path

from mlinterview.sandbox.model import RunRequest, RunResult
from mlinterview.sandbox.wire import receive, request_to_wire, result_from_wire, send

# The helper is a fresh interpreter; it imports its module by name (no import from here to there).
_BOOT = (
    "import sys; sys.path.insert(0, {root!r}); "
    "from mlinterview.sandbox.helper import serve; serve({fd}, {runtime!r}, {warm!r})"
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

    def run(self, request: RunRequest) -> RunResult:
        wire = request_to_wire(request)
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
                send(ours, wire)
                return result_from_wire(receive(ours))
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
