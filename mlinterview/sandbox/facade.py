"""``Sandbox``: what the judge, the CLI and the web use to run a ``RunRequest``. It hands each run to
the helper process (``helper_client``), or in insecure development mode runs it here unisolated."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from mlinterview.sandbox.helper_client import HelperClient
from mlinterview.sandbox.insecure import run_insecure
from mlinterview.sandbox.model import RunRequest, RunResult
from mlinterview.sandbox.runtime import interpreter, isolation_layers, runtime_dir


class Sandbox:
    """Runs programs in the sandbox; thread-safe, at most ``slots`` runs at once.

    Runs are carried out by a small helper process (``mlinterview.sandbox.helper``), started on
    the first run: forking it is cheap and safe whatever this process has loaded. With ``warm``
    (the default) the helper keeps the next run's bubblewrap started (see ``executor.Executor``).
    It refuses at once (``SandboxUnavailable``) when a layer is missing on this machine.
    ``insecure`` runs programs directly, for development only. ``close()`` stops it all.
    """

    def __init__(
        self,
        *,
        runtime: str | Path | None = None,
        slots: int = 2,
        insecure: bool = False,
        warm: bool = True,
    ) -> None:
        self.runtime = runtime_dir(runtime)
        self.python = interpreter(self.runtime)
        self.insecure = insecure
        self._slots = threading.BoundedSemaphore(max(1, slots))
        self._helper: HelperClient | None = None
        if not insecure:
            isolation_layers()  # the helper checks again; this refuses before any run is accepted
            self._helper = HelperClient(self.runtime, warm=warm)

    def run(self, request: RunRequest) -> RunResult:
        with self._slots:
            if self._helper is None:
                return run_insecure(self.python, request)
            return self._helper.run(request)

    @property
    def helper_pids(self) -> list[int]:
        """Process ids of the helper processes this sandbox started (run cgroups and scratch
        folders are named after them)."""
        return list(self._helper.started_pids) if self._helper is not None else [os.getpid()]

    def close(self) -> None:
        """Stop the helper process and its pre-started runs: nothing of the sandbox remains
        (a later run would start a new helper)."""
        if self._helper is not None:
            self._helper.stop()
