"""Run an untrusted Python program under every layer of the sandbox and report a verdict; this is
what the helper process (``mlinterview.sandbox.helper``, root) runs for each request.

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
import functools
import itertools
import os
import tempfile
import time
import weakref
from pathlib import Path

from mlinterview.sandbox import cgroups, seccomp
from mlinterview.sandbox.files import collect, write_files
from mlinterview.sandbox.model import Limits, RunRequest, RunResult, SandboxUnavailable
from mlinterview.sandbox.prepared import PreparedRun, RunKey, WarmPool
from mlinterview.sandbox.runtime import interpreter, isolation_layers, site_packages
from mlinterview.sandbox.scratch import SCRATCH_PREFIX, mount_tmpfs, remove_empty_dir, sweep_leftovers
from mlinterview.sandbox.supervision import become_subreaper, child_setup, set_rlimits, spawn, watch
from mlinterview.sandbox.uids import UidLock

_counter = itertools.count()


class Executor:
    """Carries out run requests in this process (which must be root); thread-safe.

    With ``warm`` (the default) it starts the next run's bubblewrap as soon as a run ends, up to
    the point where it would start the interpreter, so the next run with the same entry point,
    arguments, CPU limit and scratch size only has to write its files and let it go. ``close()``
    stops it all.
    """

    def __init__(self, runtime: Path, *, warm: bool = True) -> None:
        self.runtime = runtime
        self.python = interpreter(runtime)
        layers = isolation_layers()
        self.bwrap, self.cgroup_version = layers.bwrap, layers.cgroup_version
        self.seccomp = seccomp.program() if seccomp.available() else b""
        self._site_packages = site_packages(runtime)
        become_subreaper()
        sweep_leftovers()
        self.scratch_root = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
        os.chmod(self.scratch_root, 0o711)
        weakref.finalize(self, remove_empty_dir, self.scratch_root)
        self.warm = warm
        if warm:
            self._pool = WarmPool(self._prepare)
            atexit.register(self.close)

    def run(self, request: RunRequest) -> RunResult:
        limits = request.limits
        key = RunKey(request.entrypoint, tuple(request.args), limits.cpu_seconds, limits.scratch_mb)
        try:
            prepared = self._take_warm(key) or self._prepare(key, limits)
        except (OSError, SandboxUnavailable) as exc:
            return RunResult.failed(f"the sandbox could not run the program: {exc}")
        try:
            result = self._release(prepared, request)
            result.outputs, notes = collect(prepared.scratch, request.collect, limits.max_collect_bytes)
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
                self._pool.submit(key, limits)

    def close(self) -> None:
        """Stop the pre-started runs: nothing of the executor remains; it cannot run anything afterwards."""
        if self.warm:
            self.warm = False
            self._pool.close()
            with contextlib.suppress(OSError):
                self.scratch_root.rmdir()

    # -- the stages of a run: prepare (everything up to a started, blocked bubblewrap), release --
    def _prepare(self, key: RunKey, limits: Limits) -> PreparedRun:
        """Lock a uid, mount the scratch, create the cgroup and start bubblewrap, which sets up
        its namespaces and then waits on a pipe before it starts the interpreter."""
        lock = UidLock()
        prepared = PreparedRun(key, lock, self.scratch_root / str(lock.uid))
        try:
            uid = lock.uid
            prepared.scratch.mkdir(mode=0o700, exist_ok=True)
            mount_tmpfs(prepared.scratch, limits.scratch_mb, uid)
            prepared.mounted = True
            os.lchown(prepared.scratch, uid, uid)
            prepared.group = group = cgroups.RunGroup(
                self.cgroup_version,
                f"{os.getpid()}-{uid}-{next(_counter)}",
                limits.memory_mb * 2**20,
                limits.max_processes,
            )
            block_read, prepared.release_fd = os.pipe()
            command = [*self._bwrap_args(prepared.scratch), "--block-fd", str(block_read)]
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
                        prepared.process = spawn(
                            command, functools.partial(set_rlimits, limits), None, pass_fds, uid
                        )
                else:
                    setup = child_setup(group.join_files(), uid, limits)
                    prepared.process = spawn(command, setup, None, pass_fds, None)
            finally:
                os.close(block_read)
                if filter_fd >= 0:
                    os.close(filter_fd)
            return prepared
        except BaseException:
            prepared.dispose()
            raise

    def _release(self, prepared: PreparedRun, request: RunRequest) -> RunResult:
        """Write the program's files, set the run's own limits and let the blocked bubblewrap go."""
        assert prepared.group is not None and prepared.process is not None
        limits = request.limits
        write_files(prepared.scratch, request.files, prepared.lock.uid)
        prepared.group.set_limits(limits.memory_mb * 2**20, limits.max_processes)
        started = time.monotonic()
        os.write(prepared.release_fd, b"go")
        os.close(prepared.release_fd)
        prepared.release_fd = -1
        return watch(prepared.process, limits, request.stdin, prepared.group, started)

    # -- the warm pool: the next run's bubblewrap is started while nobody waits for it ----------
    def _take_warm(self, key: RunKey) -> PreparedRun | None:
        if not self.warm:
            return None
        return self._pool.take(key)

    def _bwrap_args(self, scratch: Path) -> list[str]:
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


def _memory_file(data: bytes) -> int:
    fd = os.memfd_create("mlinterview-seccomp", 0)  # no CLOEXEC: bubblewrap reads it
    os.write(fd, data)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd
