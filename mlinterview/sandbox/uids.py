"""The unprivileged uids the runs execute as: one of its own per concurrent run on this machine,
reserved across processes with an flock on a file per uid."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from mlinterview.sandbox.model import SandboxUnavailable

UID_BASE = 61000
UID_COUNT = 512
LOCK_DIR = Path("/run/mlinterview-sandbox")


def is_sandbox_uid(uid: int) -> bool:
    return UID_BASE <= uid < UID_BASE + UID_COUNT


class UidLock:
    """An unprivileged uid reserved for one run, across processes, with an flock."""

    def __init__(self) -> None:
        LOCK_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        start = os.getpid() % UID_COUNT
        for offset in range(UID_COUNT):
            uid = UID_BASE + (start + offset) % UID_COUNT
            fd = os.open(LOCK_DIR / f"uid-{uid}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            self.uid, self._fd = uid, fd
            return
        raise SandboxUnavailable("no free sandbox uid: too many runs at once on this machine")

    def release(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
