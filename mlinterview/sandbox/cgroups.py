"""One control group per run: memory and process caps, CPU accounting, and a group-wide kill.

cgroup v2 is used when the unified hierarchy offers the memory and pids controllers (a stock
Debian 12 host); otherwise the v1 controllers under /sys/fs/cgroup/{memory,pids,cpuacct}. All
of it is plain file writes, no subprocesses, so a run's set-up costs well under a millisecond.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from mlinterview.sandbox.model import SandboxUnavailable

ROOT = Path("/sys/fs/cgroup")
PARENT = "mlinterview-sandbox"
V1_CONTROLLERS = ("memory", "pids", "cpuacct")


def _write(path: Path, value: str) -> None:
    with open(path, "w") as handle:
        handle.write(value)


def _read_int(path: Path, default: int = 0) -> int:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return default


def _keyed(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    with contextlib.suppress(OSError):
        for line in path.read_text().splitlines():
            key, _, value = line.partition(" ")
            with contextlib.suppress(ValueError):
                out[key] = int(value)
    return out


def _thread_cgroups() -> dict[str, str]:
    """controller -> path of the calling thread's cgroup, from /proc/thread-self/cgroup (v1)."""
    found: dict[str, str] = {}
    with open("/proc/thread-self/cgroup") as handle:
        for line in handle:
            _, controllers, path = line.rstrip("\n").split(":", 2)
            for controller in controllers.split(","):
                found[controller] = path
    return found


def detect() -> str:
    controllers = ROOT / "cgroup.controllers"
    if controllers.is_file() and {"memory", "pids"} <= set(controllers.read_text().split()):
        return "v2"
    if all((ROOT / c / "cgroup.procs").is_file() for c in V1_CONTROLLERS):
        return "v1"
    raise SandboxUnavailable(
        "no usable cgroups: need cgroup v2 with the memory and pids controllers, or cgroup v1 "
        "memory, pids and cpuacct mounted under /sys/fs/cgroup"
    )


def group_dirs() -> list[Path]:
    """Every run cgroup that exists now, in whichever hierarchy."""
    found: list[Path] = []
    for base in [ROOT / PARENT, *(ROOT / c / PARENT for c in V1_CONTROLLERS)]:
        if base.is_dir():
            found += [p for p in base.iterdir() if p.is_dir()]
    return found


def _kill_pids(pids: list[int]) -> None:
    for pid in pids:
        if pid == os.getpid():  # never ourselves, whatever happened to a thread's cgroup
            continue
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def remove_dir(directory: Path, timeout: float = 1.0) -> None:
    """Remove one run cgroup directory, killing whatever is still in it."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            directory.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            if time.monotonic() > deadline:
                return
            with contextlib.suppress(OSError):
                _kill_pids([int(p) for p in (directory / "cgroup.procs").read_text().split()])
            time.sleep(0.001)


class RunGroup:
    """The cgroup(s) of one run. Create, let the child join, read usage, kill everything, remove."""

    def __init__(self, version: str, name: str, memory_bytes: int, max_processes: int) -> None:
        self.version = version
        if version == "v2":
            parent = ROOT / PARENT
            if not parent.is_dir():
                parent.mkdir(exist_ok=True)
                with contextlib.suppress(OSError):
                    _write(parent / "cgroup.subtree_control", "+memory +pids +cpu")
            self.dirs = [parent / name]
        else:
            self.dirs = [ROOT / c / PARENT / name for c in V1_CONTROLLERS]
        for directory in self.dirs:
            directory.mkdir(parents=True, exist_ok=True)
        self.memory_bytes = 2**62  # a new group starts unlimited
        self.set_limits(memory_bytes, max_processes)

    def set_limits(self, memory_bytes: int, max_processes: int) -> None:
        """(Re)set the memory cap (no swap beyond it) and the process cap."""
        if self.version == "v2":
            group = self.dirs[0]
            _write(group / "memory.max", str(memory_bytes))
            with contextlib.suppress(OSError):
                _write(group / "memory.swap.max", "0")
            _write(group / "pids.max", str(max_processes))
        else:
            memory, pids, _ = self.dirs
            # v1 wants memory+swap >= memory at every moment: raise memory+swap first, lower it last.
            # (It is missing where swap accounting is off, hence the suppress.)
            raising = memory_bytes > self.memory_bytes
            if raising:
                with contextlib.suppress(OSError):
                    _write(memory / "memory.memsw.limit_in_bytes", str(memory_bytes))
            _write(memory / "memory.limit_in_bytes", str(memory_bytes))
            if not raising:
                with contextlib.suppress(OSError):
                    _write(memory / "memory.memsw.limit_in_bytes", str(memory_bytes))
            with contextlib.suppress(OSError):
                _write(memory / "memory.swappiness", "0")
            _write(pids / "pids.max", str(max_processes))
        self.memory_bytes = memory_bytes

    def join_files(self) -> list[str]:
        """cgroup.procs paths the child writes its pid to before it drops privileges."""
        return [str(d / "cgroup.procs") for d in self.dirs]

    def pids(self) -> list[int]:
        found: set[int] = set()
        for directory in self.dirs:
            with contextlib.suppress(OSError):
                found.update(int(p) for p in (directory / "cgroup.procs").read_text().split())
        return sorted(found)

    def cpu_seconds(self) -> float:
        if self.version == "v2":
            return _keyed(self.dirs[0] / "cpu.stat").get("usage_usec", 0) / 1e6
        return _read_int(self.dirs[2] / "cpuacct.usage") / 1e9

    def peak_memory(self) -> int:
        if self.version == "v2":
            return _read_int(self.dirs[0] / "memory.peak")
        return _read_int(self.dirs[0] / "memory.max_usage_in_bytes")

    def out_of_memory(self) -> bool:
        if self.version == "v2":
            return _keyed(self.dirs[0] / "memory.events").get("oom_kill", 0) > 0
        memory = self.dirs[0]
        return (
            _keyed(memory / "memory.oom_control").get("oom_kill", 0) > 0
            or _read_int(memory / "memory.failcnt") > 0
            and self.peak_memory() >= _read_int(memory / "memory.limit_in_bytes") * 0.98
        )

    @contextlib.contextmanager
    def thread_joined(self) -> Iterator[None]:
        """cgroup v1 only: put the calling thread (not its process) in this group while a child is
        forked, so the child starts inside it without any code between fork and exec; the thread
        goes back to where it was before anything can be killed."""
        if self.version != "v1":
            raise RuntimeError("threads can only be moved on their own in cgroup v1")
        tid = str(threading.get_native_id())
        home = _thread_cgroups()
        try:
            for directory in self.dirs:
                _write(directory / "tasks", tid)
            yield
        finally:
            for directory in self.dirs:
                controller = directory.relative_to(ROOT).parts[0]
                _write(ROOT / controller / home[controller].lstrip("/") / "tasks", tid)

    def kill_all(self, timeout: float = 5.0) -> bool:
        """SIGKILL every process in the group until it is empty (forks included)."""
        if self.version == "v2":
            with contextlib.suppress(OSError):
                _write(self.dirs[0] / "cgroup.kill", "1")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pids = self.pids()
            if not pids:
                return True
            _kill_pids(pids)
            time.sleep(0.0005)
        return not self.pids()

    def remove(self) -> None:
        for directory in self.dirs:
            remove_dir(directory, timeout=5.0)
