"""A run's resources up to a started bubblewrap that waits to be released (``PreparedRun``), and the
pool that keeps one such run ready per recently used key while nobody waits (``WarmPool``)."""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from mlinterview.sandbox.cgroups import RunGroup
from mlinterview.sandbox.model import Limits, SandboxUnavailable
from mlinterview.sandbox.scratch import unmount
from mlinterview.sandbox.supervision import forget, kill, reap_orphans
from mlinterview.sandbox.uids import UidLock


class RunKey(NamedTuple):
    """What must be fixed when bubblewrap starts; a pre-started run serves only the same key."""

    entrypoint: str
    args: tuple[str, ...]
    cpu_seconds: float
    scratch_mb: int


class PreparedRun:
    """A run's resources, from the uid lock to the started (and blocked) bubblewrap."""

    def __init__(self, key: RunKey, lock: UidLock, scratch: Path) -> None:
        self.key, self.lock, self.scratch = key, lock, scratch
        self.mounted = False
        self.group: RunGroup | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.release_fd = -1
        self._disposed = False

    def dispose(self) -> None:
        """Kill whatever runs, remove the cgroup, unmount the scratch, free the uid. Idempotent."""
        if self._disposed:
            return
        self._disposed = True
        try:
            if self.release_fd >= 0:
                os.close(self.release_fd)
                self.release_fd = -1
            if self.process is not None:
                if self.process.poll() is None:
                    kill(self.process, self.group)
                for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                    if stream is not None:
                        with contextlib.suppress(OSError):
                            stream.close()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=5)
                forget(self.process)
            if self.group is not None:
                self.group.kill_all()
                self.group.remove()
                reap_orphans()
            if self.mounted:
                unmount(self.scratch)
            with contextlib.suppress(OSError):
                self.scratch.rmdir()
        finally:
            self.lock.release()


class WarmPool:
    """Keeps one pre-started run per recently used key, started on a thread that lives as long
    as the pool (bubblewrap's --die-with-parent follows the thread that started it)."""

    MAX_KEYS = 4

    def __init__(self, prepare: Callable[[RunKey, Limits], PreparedRun]) -> None:
        self._prepare = prepare
        self._lock = threading.Lock()
        self._ready: dict[RunKey, PreparedRun] = {}
        self._wanted: queue.SimpleQueue[tuple[RunKey, Limits] | None] = queue.SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name="sandbox-prestart", daemon=True)
        self._thread.start()

    def take(self, key: RunKey) -> PreparedRun | None:
        with self._lock:
            prepared = self._ready.pop(key, None)
        if prepared is not None and prepared.process is not None and prepared.process.poll() is not None:
            prepared.dispose()  # it died while waiting (killed from outside): start afresh
            return None
        return prepared

    def submit(self, key: RunKey, limits: Limits) -> None:
        if not self._closed:
            self._wanted.put((key, limits))

    def _loop(self) -> None:
        while True:
            item = self._wanted.get()
            if item is None:
                return
            key, limits = item
            with self._lock:
                if self._closed or key in self._ready:
                    continue
            try:
                prepared = self._prepare(key, limits)
            except (OSError, SandboxUnavailable):
                continue  # the next run simply starts cold
            evicted: list[PreparedRun] = []
            with self._lock:
                if self._closed:
                    evicted.append(prepared)
                else:
                    self._ready[key] = prepared
                    while len(self._ready) > self.MAX_KEYS:
                        evicted.append(self._ready.pop(next(iter(self._ready))))
            for old in evicted:
                old.dispose()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            ready, self._ready = list(self._ready.values()), {}
        self._wanted.put(None)
        self._thread.join(timeout=10)  # a run it prepares from now on is disposed of by _loop
        for prepared in ready:
            prepared.dispose()
