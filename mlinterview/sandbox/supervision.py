"""Process supervision: starting a run's process (clean environment, rlimits, its cgroup and uid),
watching it against the wall clock, the CPU limit and the output caps, killing it, and reaping the
orphans the sandbox leaves re-parented to this process."""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import selectors
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from mlinterview.sandbox.cgroups import RunGroup
from mlinterview.sandbox.model import Limits, RunResult, Verdict
from mlinterview.sandbox.uids import is_sandbox_uid
from mlinterview.sandbox.verdicts import decode_status, verdict

PR_SET_CHILD_SUBREAPER = 36
_libc = ctypes.CDLL(None, use_errno=True)

_active_lock = threading.Lock()
_active: set[int] = set()  # bubblewrap processes a run is waiting for: never reaped by anyone else


# -- rlimits and the child's set-up between fork and exec -----------------------------------------
def set_rlimits(limits: Limits) -> None:
    for kind, values in rlimits(limits):
        resource.setrlimit(kind, values)


def rlimits(limits: Limits) -> list[tuple[int, tuple[int, int]]]:
    cpu = max(1, int(limits.cpu_seconds + 0.999))
    size = limits.scratch_mb * 2**20
    return [
        (resource.RLIMIT_CPU, (cpu, cpu + 1)),
        (resource.RLIMIT_FSIZE, (size, size)),
        (resource.RLIMIT_NOFILE, (256, 256)),
        (resource.RLIMIT_CORE, (0, 0)),
    ]


def child_setup(join_files: list[str], uid: int, limits: Limits) -> Callable[[], None]:
    """What the child does as root just before exec (cgroup v2): join the run's cgroup, set the
    rlimits, drop every group and switch to the run's uid."""

    def setup() -> None:
        pid = str(os.getpid())
        for path in join_files:
            with open(path, "w") as handle:
                handle.write(pid)
        set_rlimits(limits)
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)

    return setup


# -- starting, killing and reaping ------------------------------------------------------------------
def spawn(
    command: list[str],
    setup: Callable[[], None] | None,
    cwd: Path | None,
    pass_fds: Sequence[int],
    uid: int | None,
) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        command,
        # bubblewrap clears the program's environment, but its own would show in /proc/1/environ
        # inside the sandbox: it gets nothing of the parent's (secrets included).
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        pass_fds=tuple(pass_fds),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=setup,  # noqa: PLW1509 - rlimits (and on cgroup v2 joining the group, the uid)
        user=uid,
        group=uid,
        extra_groups=[] if uid is not None else None,
        cwd=cwd,
        close_fds=True,
        start_new_session=True,
    )
    with _active_lock:
        _active.add(process.pid)
    return process


def forget(process: subprocess.Popen[bytes]) -> None:
    """The run no longer waits for ``process``: ``reap_orphans`` may collect it from now on."""
    with _active_lock:
        _active.discard(process.pid)


def kill(process: subprocess.Popen[bytes], group: RunGroup | None) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, 9)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    if group is not None:
        group.kill_all()


def become_subreaper() -> None:
    """Processes the sandbox leaves orphaned (bubblewrap's init once its parent is killed) are
    re-parented to this process instead of the machine's init, so that ``reap_orphans`` can collect them;
    in a container whose init never reaps, they would otherwise stay as zombies."""
    _libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def reap_orphans() -> None:
    """Collect exited sandbox processes that were re-parented to us (bubblewrap's init outlives
    the bubblewrap process we started by a moment). Only zombies running as a sandbox uid are
    taken, and never one that a run is still waiting for."""
    while True:
        try:
            info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return
        if info is None or not is_sandbox_uid(info.si_uid):
            return
        with _active_lock:
            if info.si_pid in _active:
                return
            with contextlib.suppress(ChildProcessError):
                os.waitpid(info.si_pid, os.WNOHANG)


# -- watching a started run ---------------------------------------------------------------------------
def watch(
    process: subprocess.Popen[bytes],
    limits: Limits,
    stdin: bytes,
    group: RunGroup | None,
    started: float,
) -> RunResult:
    """Feed stdin, read both pipes up to the output cap until the process ends or a limit is hit,
    kill what remains and report the verdict with the usage measured (``outputs`` left empty)."""
    assert process.stdin and process.stdout and process.stderr
    if stdin:
        threading.Thread(target=_feed, args=(process.stdin, stdin), daemon=True).start()
    else:
        process.stdin.close()
    captured = {"stdout": bytearray(), "stderr": bytearray()}
    truncated = {"stdout": False, "stderr": False}
    reason: Verdict | None = None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ, "stdout")
    selector.register(process.stderr, selectors.EVENT_READ, "stderr")
    # A pidfd becomes readable when the process ends: no polling with sleeps for its exit.
    pidfd = _pidfd(process.pid)
    if pidfd >= 0:
        selector.register(pidfd, selectors.EVENT_READ, "exit")
    exited = pidfd < 0  # without a pidfd, wait for the pipes and then for the process
    deadline = started + limits.wall_seconds
    open_streams = 2
    try:
        while (open_streams or not exited) and reason is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                reason = Verdict.time_limit
                break
            for key, _ in selector.select(timeout=min(remaining, 0.25)):
                if key.data == "exit":
                    selector.unregister(pidfd)
                    exited = True
                    if open_streams and group is not None:
                        group.kill_all()  # whatever still holds the pipes open goes now
                    continue
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fileobj)
                    open_streams -= 1
                    continue
                buffer = captured[key.data]
                room = limits.output_bytes - len(buffer)
                buffer += chunk[: max(room, 0)]
                if len(chunk) > room:
                    truncated[key.data] = True
                    reason = Verdict.output_limit
                    break
            if group is not None and group.cpu_seconds() > limits.cpu_seconds + 0.5:
                reason = Verdict.time_limit
    finally:
        if pidfd >= 0:
            os.close(pidfd)
    if reason is not None:
        kill(process, group)
    try:
        returncode = process.wait(timeout=max(0.1, deadline - time.monotonic()) if reason is None else 5)
    except subprocess.TimeoutExpired:
        reason = Verdict.time_limit
        kill(process, group)
        returncode = process.wait()
    if group is not None:
        group.kill_all()  # whatever the program left behind (daemons, forks) goes with it
    selector.close()
    for stream in (process.stdout, process.stderr):
        stream.close()
    wall = time.monotonic() - started
    cpu = group.cpu_seconds() if group is not None else _children_cpu()
    peak = group.peak_memory() if group is not None else 0
    exit_status, sig = decode_status(returncode)
    outcome, message = verdict(reason, exit_status, sig, cpu, limits, group)
    return RunResult(
        verdict=outcome,
        exit_status=exit_status,
        signal=sig,
        cpu_seconds=cpu,
        wall_seconds=wall,
        peak_memory_bytes=peak,
        stdout=bytes(captured["stdout"]),
        stderr=bytes(captured["stderr"]),
        stdout_truncated=truncated["stdout"],
        stderr_truncated=truncated["stderr"],
        message=message,
    )


def _pidfd(pid: int) -> int:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):  # kernels before 5.3
        return -1


def _feed(pipe: IO[bytes], data: bytes) -> None:
    with contextlib.suppress(OSError):
        if data:
            pipe.write(data)
        pipe.close()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
