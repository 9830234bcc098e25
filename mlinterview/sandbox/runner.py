"""Run an untrusted Python program under every layer of the sandbox and report a verdict.

Layers, outside in: the parent (this process, root) holds the limits and reads the pipes with a
wall clock and output caps -> a fresh cgroup per run (memory, processes, CPU accounting; killed
as a whole at the end) -> rlimits (CPU time, file size, open files, no core dumps) -> an
unprivileged uid of its own per concurrent run -> bubblewrap with every namespace unshared (no
network), no capabilities, a cleared environment, a read-only view of /usr and the runtime only,
and a size-capped tmpfs as the working directory (mounted by the parent, so result files can be
collected after the run, each opened without following links and only if it is a plain file).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import fcntl
import functools
import itertools
import os
import queue
import resource
import selectors
import shutil
import stat
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, NamedTuple

from mlinterview.sandbox import cgroups, seccomp
from mlinterview.sandbox.model import Limits, RunResult, SandboxUnavailable, Verdict
from mlinterview.sandbox.server import HelperClient

DEFAULT_RUNTIME = "/opt/mlinterview/runtime"
UID_BASE = 61000
UID_COUNT = 512
LOCK_DIR = Path("/run/mlinterview-sandbox")
MS_NOSUID, MS_NODEV = 2, 4
MNT_DETACH = 2
_libc = ctypes.CDLL(None, use_errno=True)
_counter = itertools.count()


def _mount_tmpfs(target: Path, size_mb: int, uid: int) -> None:
    options = f"size={size_mb}m,nr_inodes=4096,mode=0700,uid={uid},gid={uid}".encode()
    if _libc.mount(b"tmpfs", str(target).encode(), b"tmpfs", MS_NOSUID | MS_NODEV, options) != 0:
        raise OSError(ctypes.get_errno(), f"mounting the scratch tmpfs on {target} failed")


def _unmount(target: Path) -> None:
    _libc.umount2(str(target).encode(), MNT_DETACH)


class _UidLock:
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


class _Key(NamedTuple):
    """What must be fixed when bubblewrap starts; a pre-started run serves only the same key."""

    entrypoint: str
    args: tuple[str, ...]
    cpu_seconds: float
    scratch_mb: int


class _Prepared:
    """A run's resources, from the uid lock to the started (and blocked) bubblewrap."""

    def __init__(self, key: _Key, lock: _UidLock, scratch: Path) -> None:
        self.key, self.lock, self.scratch = key, lock, scratch
        self.mounted = False
        self.group: cgroups.RunGroup | None = None
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
                    _kill(self.process, self.group)
                for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                    if stream is not None:
                        with contextlib.suppress(OSError):
                            stream.close()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=5)
                _forget(self.process)
            if self.group is not None:
                self.group.kill_all()
                self.group.remove()
                _reap_orphans()
            if self.mounted:
                _unmount(self.scratch)
            with contextlib.suppress(OSError):
                self.scratch.rmdir()
        finally:
            self.lock.release()


class _Spawner:
    """Keeps one pre-started run per recently used key, started on a thread that lives as long
    as the sandbox (bubblewrap's --die-with-parent follows the thread that started it)."""

    MAX_KEYS = 4

    def __init__(self, prepare: Callable[[_Key, Limits], _Prepared]) -> None:
        self._prepare = prepare
        self._lock = threading.Lock()
        self._ready: dict[_Key, _Prepared] = {}
        self._wanted: queue.SimpleQueue[tuple[_Key, Limits] | None] = queue.SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name="sandbox-prestart", daemon=True)
        self._thread.start()

    def take(self, key: _Key) -> _Prepared | None:
        with self._lock:
            prepared = self._ready.pop(key, None)
        if prepared is not None and prepared.process is not None and prepared.process.poll() is not None:
            prepared.dispose()  # it died while waiting (killed from outside): start afresh
            return None
        return prepared

    def submit(self, key: _Key, limits: Limits) -> None:
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
            evicted: list[_Prepared] = []
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


class Sandbox:
    """Runs programs in the sandbox; thread-safe, at most ``slots`` runs at once.

    Runs are started by a small helper process (``mlinterview.sandbox.server``) unless
    ``in_process`` is set: the helper is what runs ``in_process`` sandboxes, and forking it is
    cheap and safe whatever this process has loaded. With ``warm`` (the default) the sandbox
    starts the next run's bubblewrap as soon as a run ends, up to the point where it would start
    the interpreter, so the next run with the same entry point, arguments, CPU limit and scratch
    size only has to write its files and let it go. ``close()`` stops it all.
    """

    def __init__(
        self,
        *,
        runtime: str | Path | None = None,
        slots: int = 2,
        insecure: bool = False,
        in_process: bool = False,
        warm: bool = True,
    ) -> None:
        self.runtime = Path(runtime or os.environ.get("MLINTERVIEW_SANDBOX_RUNTIME") or DEFAULT_RUNTIME)
        self.python = self.runtime / "bin" / "python"
        self.insecure = insecure
        self._slots = threading.BoundedSemaphore(max(1, slots))
        if not self.python.exists():
            raise SandboxUnavailable(
                f"the sandbox runtime {self.runtime} is missing: run 'bash scripts/setup-sandbox.sh'"
            )
        self.warm = False
        self._helper: HelperClient | None = None
        if insecure:
            self.bwrap = ""
            self.cgroup_version = ""
            self.seccomp = b""
            return
        bwrap = shutil.which("bwrap")
        if bwrap is None:
            raise SandboxUnavailable("bubblewrap (bwrap) is not installed: apt-get install bubblewrap")
        self.bwrap = bwrap
        if os.geteuid() != 0:
            raise SandboxUnavailable("the sandbox needs root to create cgroups and switch to its own uids")
        self.cgroup_version = cgroups.detect()
        self.seccomp = seccomp.program() if seccomp.available() else b""
        self._site_packages = ":".join(
            str(p) for p in sorted(self.runtime.glob("lib/python3*/site-packages"))
        )
        if not in_process:
            self._helper = HelperClient(self.runtime, warm=warm)
            return
        _become_subreaper()
        sweep_leftovers()
        self.scratch_root = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
        os.chmod(self.scratch_root, 0o711)
        weakref.finalize(self, _remove_empty_dir, self.scratch_root)
        if warm:
            self.warm = True
            self._spawner = _Spawner(self._prepare)
            atexit.register(self.close)

    # -- one run -----------------------------------------------------------------------------
    def run(
        self,
        files: Mapping[str, str | bytes],
        entrypoint: str = "main.py",
        *,
        args: Sequence[str] = (),
        limits: Limits = Limits(),  # noqa: B008 - frozen, immutable default
        stdin: bytes = b"",
        collect: Sequence[str] = (),
    ) -> RunResult:
        for name in [*files, entrypoint, *collect]:
            if not _safe_name(name):
                raise ValueError(f"file names must be relative paths inside the scratch folder: {name!r}")
        with self._slots:
            if self.insecure:
                return self._run_insecure(files, entrypoint, args, limits, stdin, collect)
            if self._helper is not None:
                return self._helper.run(files, entrypoint, args, limits, stdin, collect)
            return self._run(files, entrypoint, args, limits, stdin, collect)

    def _run(
        self,
        files: Mapping[str, str | bytes],
        entrypoint: str,
        args: Sequence[str],
        limits: Limits,
        stdin: bytes,
        collect: Sequence[str],
    ) -> RunResult:
        key = _Key(entrypoint, tuple(args), limits.cpu_seconds, limits.scratch_mb)
        try:
            prepared = self._take_warm(key) or self._prepare(key, limits)
        except (OSError, SandboxUnavailable) as exc:
            return RunResult.failed(f"the sandbox could not run the program: {exc}")
        try:
            result = self._release(prepared, files, limits, stdin)
            result.outputs, notes = _collect(prepared.scratch, collect, limits.max_collect_bytes)
            if not self.seccomp:
                notes.append("no seccomp filter on this machine")
            if notes:
                result.message = "; ".join(filter(None, [result.message, *notes]))
            return result
        except (OSError, SandboxUnavailable) as exc:
            return RunResult.failed(f"the sandbox could not run the program: {exc}")
        finally:
            prepared.dispose()
            if self.warm:
                self._spawner.submit(key, limits)

    # -- the stages of a run: prepare (everything up to a started, blocked bubblewrap), release --
    def _prepare(self, key: _Key, limits: Limits) -> _Prepared:
        """Lock a uid, mount the scratch, create the cgroup and start bubblewrap, which sets up
        its namespaces and then waits on a pipe before it starts the interpreter."""
        lock = _UidLock()
        prepared = _Prepared(key, lock, self.scratch_root / str(lock.uid))
        try:
            uid = lock.uid
            prepared.scratch.mkdir(mode=0o700, exist_ok=True)
            _mount_tmpfs(prepared.scratch, limits.scratch_mb, uid)
            prepared.mounted = True
            os.lchown(prepared.scratch, uid, uid)
            prepared.group = group = cgroups.RunGroup(
                self.cgroup_version,
                f"{os.getpid()}-{uid}-{next(_counter)}",
                limits.memory_mb * 2**20,
                limits.max_processes,
            )
            block_read, prepared.release_fd = os.pipe()
            command = [*self._bwrap_args(prepared.scratch, limits), "--block-fd", str(block_read)]
            pass_fds = [block_read]
            filter_fd = -1
            if self.seccomp:
                filter_fd = _memory_file(self.seccomp)
                command += ["--seccomp", str(filter_fd)]
                pass_fds.append(filter_fd)
            command += [str(self.python), "-S", key.entrypoint, *key.args]
            try:
                if self.cgroup_version == "v1":
                    # The child is forked inside the run's cgroup (no file writes in the child),
                    # the uid change is done by the C side of subprocess, and only the rlimits
                    # are set by Python code in the child (after the uid change: lowering them
                    # is allowed).
                    with group.thread_joined():
                        prepared.process = _spawn(
                            command, functools.partial(_set_rlimits, limits), None, pass_fds, uid
                        )
                else:
                    setup = _child_setup(group.join_files(), uid, limits)
                    prepared.process = _spawn(command, setup, None, pass_fds, None)
            finally:
                os.close(block_read)
                if filter_fd >= 0:
                    os.close(filter_fd)
            return prepared
        except BaseException:
            prepared.dispose()
            raise

    def _release(
        self, prepared: _Prepared, files: Mapping[str, str | bytes], limits: Limits, stdin: bytes
    ) -> RunResult:
        assert prepared.group is not None and prepared.process is not None
        _write_files(prepared.scratch, files, prepared.lock.uid)
        prepared.group.set_limits(limits.memory_mb * 2**20, limits.max_processes)
        started = time.monotonic()
        os.write(prepared.release_fd, b"go")
        os.close(prepared.release_fd)
        prepared.release_fd = -1
        return _watch(prepared.process, limits, stdin, prepared.group, started)

    # -- the warm pool: the next run's bubblewrap is started while nobody waits for it ----------
    def _take_warm(self, key: _Key) -> _Prepared | None:
        if not self.warm:
            return None
        return self._spawner.take(key)

    @property
    def helper_pids(self) -> list[int]:
        """Process ids of the helper processes this sandbox started (run cgroups and scratch
        folders are named after them)."""
        return list(self._helper.started_pids) if self._helper is not None else [os.getpid()]

    def close(self) -> None:
        """Stop the pre-started runs (and the helper process): nothing of the sandbox remains.
        The sandbox cannot run anything afterwards."""
        if self._helper is not None:
            self._helper.stop()
        if self.warm:
            self.warm = False
            self._spawner.close()
            with contextlib.suppress(OSError):
                self.scratch_root.rmdir()

    def _bwrap_args(self, scratch: Path, limits: Limits) -> list[str]:
        runtime = str(self.runtime)
        args = [
            self.bwrap,
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--cap-drop", "ALL",
            "--clearenv",
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/lib", "/lib",
            "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin",
            "--ro-bind", runtime, runtime,
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", str(16 * 2**20), "--tmpfs", "/tmp",
            "--bind", str(scratch), "/work",
            "--chdir", "/work",
            "--remount-ro", "/",
        ]  # fmt: skip
        environment = {
            "HOME": "/work",
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            # The interpreter starts with -S (no site module: 2 ms less per run) and finds the
            # runtime's packages here instead; the environment is entirely ours (--clearenv).
            "PYTHONPATH": self._site_packages,
            "PYTHONHASHSEED": "0",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "MPLBACKEND": "Agg",
        }
        for key, value in environment.items():
            args += ["--setenv", key, value]
        return args

    def _run_insecure(
        self,
        files: Mapping[str, str | bytes],
        entrypoint: str,
        args: Sequence[str],
        limits: Limits,
        stdin: bytes,
        collect: Sequence[str],
    ) -> RunResult:
        """Development only: rlimits and a temp dir, no isolation. Marked ``sandboxed=False``."""
        with tempfile.TemporaryDirectory(prefix="mlinterview-insecure-") as tmp:
            scratch = Path(tmp)
            _write_files(scratch, files, os.getuid())
            command = [str(self.python), "-E", "-s", entrypoint, *args]

            def setup() -> None:
                _set_rlimits(limits)

            result = _supervise(command, limits, stdin, setup, scratch)
            result.outputs, _ = _collect(scratch, collect, limits.max_collect_bytes)
        result.sandboxed = False
        result.message = "; ".join(filter(None, [result.message, "INSECURE development mode: not sandboxed"]))
        return result


# -- helpers ---------------------------------------------------------------------------------
SCRATCH_PREFIX = "mlinterview-scratch-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_leftovers() -> None:
    """Remove what a killed sandbox process left: its cgroups and scratch mounts. Both names
    start with the pid of the process that made them; only those of dead processes are touched."""
    for directory in cgroups.group_dirs():
        pid = directory.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            cgroups.remove_dir(directory)
    base = Path(tempfile.gettempdir())
    with open("/proc/self/mounts") as handle:
        mounts = [line.split()[1] for line in handle]
    for root in base.glob(f"{SCRATCH_PREFIX}*"):
        pid = root.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        for mount in mounts:
            if mount.startswith(f"{root}/"):
                _unmount(Path(mount))
        for child in root.iterdir():
            with contextlib.suppress(OSError):
                child.rmdir()
        _remove_empty_dir(root)


def _remove_empty_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.rmdir()


def _memory_file(data: bytes) -> int:
    fd = os.memfd_create("mlinterview-seccomp", 0)  # no CLOEXEC: bubblewrap reads it
    os.write(fd, data)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


PR_SET_CHILD_SUBREAPER = 36


def _become_subreaper() -> None:
    """Processes the sandbox leaves orphaned (bubblewrap's init once its parent is killed) are
    re-parented to this process instead of the machine's init, so that ``_reap_orphans`` can collect them;
    in a container whose init never reaps, they would otherwise stay as zombies."""
    _libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


_active_lock = threading.Lock()
_active: set[int] = set()  # bubblewrap processes a run is waiting for: never reaped by anyone else


def _reap_orphans() -> None:
    """Collect exited sandbox processes that were re-parented to us (bubblewrap's init outlives
    the bubblewrap process we started by a moment). Only zombies running as a sandbox uid are
    taken, and never one that a run is still waiting for."""
    while True:
        try:
            info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return
        if info is None or not UID_BASE <= info.si_uid < UID_BASE + UID_COUNT:
            return
        with _active_lock:
            if info.si_pid in _active:
                return
            with contextlib.suppress(ChildProcessError):
                os.waitpid(info.si_pid, os.WNOHANG)


def _safe_name(name: str) -> bool:
    path = Path(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\x00" not in name


def _write_files(root: Path, files: Mapping[str, str | bytes], uid: int) -> None:
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode() if isinstance(content, str) else content
        target.write_bytes(data)
    for path in [root, *root.rglob("*")]:
        os.lchown(path, uid, uid)


def _set_rlimits(limits: Limits) -> None:
    for kind, values in _rlimits(limits):
        resource.setrlimit(kind, values)


def _rlimits(limits: Limits) -> list[tuple[int, tuple[int, int]]]:
    cpu = max(1, int(limits.cpu_seconds + 0.999))
    size = limits.scratch_mb * 2**20
    return [
        (resource.RLIMIT_CPU, (cpu, cpu + 1)),
        (resource.RLIMIT_FSIZE, (size, size)),
        (resource.RLIMIT_NOFILE, (256, 256)),
        (resource.RLIMIT_CORE, (0, 0)),
    ]


def _child_setup(join_files: list[str], uid: int, limits: Limits) -> Callable[[], None]:
    def setup() -> None:  # runs in the child, as root, just before exec
        pid = str(os.getpid())
        for path in join_files:
            with open(path, "w") as handle:
                handle.write(pid)
        _set_rlimits(limits)
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)

    return setup


def _supervise(
    command: list[str],
    limits: Limits,
    stdin: bytes,
    setup: Callable[[], None] | None,
    cwd: Path,
) -> RunResult:
    """Insecure development mode only: start the program directly and watch it."""
    started = time.monotonic()
    process = _spawn(command, setup, cwd, (), None)
    try:
        return _watch(process, limits, stdin, None, started)
    finally:
        _forget(process)


def _spawn(
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


def _forget(process: subprocess.Popen[bytes]) -> None:
    with _active_lock:
        _active.discard(process.pid)


def _watch(
    process: subprocess.Popen[bytes],
    limits: Limits,
    stdin: bytes,
    group: cgroups.RunGroup | None,
    started: float,
) -> RunResult:
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
        _kill(process, group)
    try:
        returncode = process.wait(timeout=max(0.1, deadline - time.monotonic()) if reason is None else 5)
    except subprocess.TimeoutExpired:
        reason = Verdict.time_limit
        _kill(process, group)
        returncode = process.wait()
    if group is not None:
        group.kill_all()  # whatever the program left behind (daemons, forks) goes with it
    selector.close()
    for stream in (process.stdout, process.stderr):
        stream.close()
    wall = time.monotonic() - started
    cpu = group.cpu_seconds() if group is not None else _children_cpu()
    peak = group.peak_memory() if group is not None else 0
    exit_status, sig = _decode_status(returncode)
    verdict, message = _verdict(reason, exit_status, sig, cpu, limits, group)
    return RunResult(
        verdict=verdict,
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


def _kill(process: subprocess.Popen[bytes], group: cgroups.RunGroup | None) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, 9)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    if group is not None:
        group.kill_all()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _decode_status(returncode: int) -> tuple[int | None, int | None]:
    """bwrap reports a child killed by signal N as exit code 128 + N."""
    if returncode < 0:
        return None, -returncode
    if 128 < returncode <= 128 + 64:
        return None, returncode - 128
    return returncode, None


def _verdict(
    reason: Verdict | None,
    exit_status: int | None,
    sig: int | None,
    cpu: float,
    limits: Limits,
    group: cgroups.RunGroup | None,
) -> tuple[Verdict, str]:
    if reason is Verdict.output_limit:
        return reason, f"the program wrote more than {limits.output_bytes:,} bytes to one stream; stopped"
    if group is not None and group.out_of_memory():
        return Verdict.memory_limit, f"the program used more than {limits.memory_mb} MB of memory"
    if reason is Verdict.time_limit:
        if cpu >= limits.cpu_seconds * 0.9:
            return reason, f"the program used more than {limits.cpu_seconds:g} s of CPU time"
        return reason, f"the program ran longer than {limits.wall_seconds:g} s (wall clock)"
    # SIGXCPU comes only from the CPU rlimit, which the kernel checks on tick-sampled time: on a busy
    # machine it can come while the cgroup's precise count is still short of the limit. SIGKILL is
    # the hard limit only when the CPU time says so.
    if sig == 24 or (sig == 9 and cpu >= limits.cpu_seconds * 0.9):
        return Verdict.time_limit, f"the program used more than {limits.cpu_seconds:g} s of CPU time"
    if exit_status == 0:
        return Verdict.ok, "the program finished normally"
    if sig is not None:
        return Verdict.runtime_error, f"the program was ended by signal {sig}"
    return Verdict.runtime_error, f"the program exited with status {exit_status}"


def _collect(root: Path, names: Sequence[str], cap: int) -> tuple[dict[str, bytes], list[str]]:
    """Read result files without following links; only plain files with one link, under the cap."""
    outputs: dict[str, bytes] = {}
    notes: list[str] = []
    for name in names:
        try:
            fd = _open_beneath(root, name)
        except FileNotFoundError:
            notes.append(f"{name}: not produced")
            continue
        except OSError as exc:
            notes.append(f"{name}: refused ({exc.strerror or exc})")
            continue
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                notes.append(f"{name}: refused (not a regular file)")
            elif info.st_nlink != 1:
                notes.append(f"{name}: refused (hard-linked)")
            elif info.st_size > cap:
                notes.append(f"{name}: refused (larger than {cap:,} bytes)")
            else:
                data = os.read(fd, cap + 1)
                if len(data) > cap:
                    notes.append(f"{name}: refused (larger than {cap:,} bytes)")
                else:
                    outputs[name] = data
        finally:
            os.close(fd)
    return outputs, notes


def _open_beneath(root: Path, name: str) -> int:
    """Open root/name refusing a symlink at every step (O_NOFOLLOW per component)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        parts = Path(name).parts
        for part in parts[:-1]:
            next_fd = os.open(part, flags | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = next_fd
        return os.open(parts[-1], flags, dir_fd=fd)
    finally:
        os.close(fd)
