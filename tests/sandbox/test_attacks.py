"""Untrusted code against the sandbox: each test checks the one verdict the sandbox gives and that the
host is unharmed.

Time limits: a test never asserts a tight absolute duration. A run stopped by a limit is checked by
its verdict and message (which say which limit stopped it), by the usage the sandbox measured (CPU
time at the CPU limit, memory at the memory cap) and by staying under a bound derived from the
configured limits, with a margin generous enough for a loaded two-core CI machine.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

import pytest

from mlinterview import REPO_DIR
from mlinterview.sandbox import Limits, RunRequest, RunResult, Sandbox, SandboxUnavailable, Verdict, cgroups
from mlinterview.sandbox.cgroups import PARENT
from mlinterview.sandbox.uids import UID_BASE, UID_COUNT
from tests.sandbox.conftest import FAST

pytestmark = pytest.mark.sandbox

T = TypeVar("T")
SLACK_SECONDS = 10.0  # start-up and clean-up on a loaded machine, on top of a configured limit


@pytest.fixture(autouse=True)
def _host_unharmed(request):
    """After every test: no sandbox process escaped its run cgroup (anywhere on the machine), and no
    program of the shared sandbox outlived its run (only pre-started, still blocked runs remain)."""
    yield
    assert _escaped_processes() == []
    if "sandbox" in request.fixturenames:
        sandbox = request.getfixturevalue("sandbox")
        assert _settled(lambda: [p for p in _sandbox_processes(sandbox) if not p.pre_started]) == []


def test_a_normal_program_runs_with_numpy_and_pandas(run):
    result = run(
        "import numpy as np, pandas as pd\nprint(int(np.arange(5).sum()), len(pd.DataFrame({'a': [1]})))"
    )
    assert result.verdict is Verdict.ok and result.sandboxed
    assert result.stdout == b"10 1\n"


def test_no_tcp_to_a_listener_on_the_host(run):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    try:
        result = run(
            f"import socket\ntry:\n    socket.create_connection(('127.0.0.1', {port}), timeout=1)\n"
            "    print('CONNECTED')\nexcept OSError as e:\n    print('blocked', e.errno)"
        )
        assert result.verdict is Verdict.ok, result.stderr
        # The filter refuses every socket family but UNIX before a connection is even tried.
        assert result.stdout == f"blocked {errno.EAFNOSUPPORT}\n".encode()
        listener.setblocking(False)
        with pytest.raises(BlockingIOError):
            listener.accept()  # the run is over: any connection that reached the host would be queued
    finally:
        listener.close()


def test_no_dns(run):
    result = run(
        "import socket\ntry:\n    print(socket.gethostbyname('pypi.org'))\n"
        "except OSError as e:\n    print('blocked', type(e).__name__)"
    )
    assert result.verdict is Verdict.ok, result.stderr
    assert result.stdout == b"blocked gaierror\n"


def test_no_abstract_unix_socket_on_the_host(run):
    server = socket.socket(socket.AF_UNIX)
    name = f"\0mlinterview-test-{os.getpid()}"
    server.bind(name)
    server.listen()
    try:
        result = run(
            f"import socket\ns = socket.socket(socket.AF_UNIX)\ntry:\n    s.connect({name!r})\n"
            "    print('CONNECTED')\nexcept OSError as e:\n    print('blocked', e.errno)"
        )
        assert result.verdict is Verdict.ok, result.stderr
        # Its own network namespace has its own abstract socket names: nobody listens there.
        assert result.stdout == f"blocked {errno.ECONNREFUSED}\n".encode()
        server.setblocking(False)
        with pytest.raises(BlockingIOError):
            server.accept()
    finally:
        server.close()


@pytest.mark.parametrize(
    "path",
    [
        "/etc/shadow",
        "/etc/passwd",
        "/root",
        str(REPO_DIR / "mlinterview" / "__init__.py"),
        str(REPO_DIR / "content"),
    ],
)
def test_host_files_are_not_visible(run, path):
    result = run(f"import os\nprint(os.path.exists({path!r}))")
    assert result.verdict is Verdict.ok, result.stderr
    assert result.stdout == b"False\n"
    assert Path(path).exists()  # it is there on the host: the test looked for something real


def test_hidden_tests_in_the_parents_temp_dir_are_not_visible(run, tmp_path):
    secret = tmp_path / "hidden_tests.py"
    secret.write_text("EXPECTED = 42")
    result = run(f"import os\nprint(os.path.exists({str(secret)!r}), os.listdir('/tmp'))")
    assert result.verdict is Verdict.ok, result.stderr
    assert result.stdout == b"False []\n"
    assert secret.read_text() == "EXPECTED = 42"


def test_the_parents_environment_is_not_passed(run, monkeypatch):
    monkeypatch.setenv("MLINTERVIEW_TEST_SECRET", "s3cr3t")
    result = run(
        "import os, json\nprint(json.dumps(sorted(os.environ)))\nprint(open('/proc/1/environ','rb').read())"
    )
    assert result.verdict is Verdict.ok, result.stderr
    names, init_environment = result.stdout.decode().splitlines()
    assert set(json.loads(names)) == {
        "HOME",
        "LANG",
        "MKL_NUM_THREADS",
        "MPLBACKEND",
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "PATH",
        "PWD",
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONHASHSEED",
        "PYTHONPATH",
    }
    # bubblewrap's own environment (what /proc/1/environ shows) is the two variables it was given.
    assert init_environment == repr(b"PATH=/usr/bin:/bin\x00LANG=C.UTF-8\x00")
    assert b"s3cr3t" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "target",
    ["/usr/evil.txt", "/opt/mlinterview/runtime/lib/python3.11/site-packages/evil.py", "/evil.txt"],
)
def test_system_and_runtime_are_read_only(run, target):
    result = run(f"open({target!r}, 'w').write('x')")
    assert result.verdict is Verdict.runtime_error
    assert result.exit_status == 1
    assert result.stderr.decode().splitlines()[-1] == f"OSError: [Errno 30] Read-only file system: {target!r}"
    assert not Path(target).exists()


def test_tmp_and_scratch_do_not_persist_between_runs(run):
    first = run("open('/tmp/left.txt', 'w').write('x'); open('left.txt', 'w').write('x'); print('written')")
    assert first.verdict is Verdict.ok and first.stdout == b"written\n"
    result = run("import os\nprint(os.path.exists('/tmp/left.txt'), os.path.exists('left.txt'))")
    assert result.verdict is Verdict.ok and result.stdout == b"False False\n"
    assert not Path("/tmp/left.txt").exists()


MEMORY = Limits(memory_mb=512, cpu_seconds=5, wall_seconds=30)


@pytest.mark.parametrize(
    "code",
    [
        "blocks = []\nwhile True:\n    blocks.append(bytearray(50 * 2**20))",
        # Allocating 2 GB succeeds (the kernel overcommits); touching the pages hits the cgroup's cap,
        # so the kernel's OOM killer ends it rather than Python raising MemoryError.
        "import numpy as np\nx = np.ones((2 * 2**30) // 8)\nprint(x.sum())",
    ],
)
def test_memory_bombs_hit_the_memory_limit(run, code):
    result = run(code, MEMORY)
    assert result.verdict is Verdict.memory_limit, (result.message, result.stderr[-300:])
    assert result.message == "the program used more than 512 MB of memory"
    assert result.signal == signal.SIGKILL and result.exit_status is None
    assert result.peak_memory_bytes >= 0.9 * MEMORY.memory_mb * 2**20  # it ran into the cap
    assert result.wall_seconds < MEMORY.wall_seconds  # the cap stopped it, not the wall clock


CPU = Limits(memory_mb=256, cpu_seconds=1, wall_seconds=30)


@pytest.mark.parametrize(
    ("code", "ended_by"),
    [
        ("while True:\n    pass", signal.SIGXCPU),
        # SIGXCPU ignored: the hard limit (one second later) or the parent's CPU watch kills it.
        (
            "import signal\nsignal.signal(signal.SIGXCPU, lambda *a: None)\nwhile True:\n    pass",
            signal.SIGKILL,
        ),
        (
            "import threading\ndef spin():\n    while True: pass\n"
            "for _ in range(4):\n    threading.Thread(target=spin).start()\nspin()",
            signal.SIGXCPU,
        ),
    ],
)
def test_cpu_burners_hit_the_time_limit(run, code, ended_by):
    result = run(code, CPU)
    assert result.verdict is Verdict.time_limit, result.message
    assert result.message == "the program used more than 1 s of CPU time"
    assert result.signal == ended_by and result.exit_status is None
    # CPU time does not stretch on a busy machine: it is stopped by the soft limit or the hard limit
    # (one second later) plus the parent's half-second grace. The kernel checks the rlimit on
    # tick-sampled time, so the cgroup's precise count may be somewhat short of the limit.
    assert CPU.cpu_seconds * 0.5 <= result.cpu_seconds <= CPU.cpu_seconds + 1.5
    assert result.wall_seconds < CPU.wall_seconds  # the CPU limit stopped it, not the wall clock


WALL = Limits(memory_mb=256, cpu_seconds=2, wall_seconds=1.5)


@pytest.mark.parametrize(
    "code", ["import time\ntime.sleep(60)", "import sys\nsys.stdin.read()\nimport time\ntime.sleep(60)"]
)
def test_sleepers_and_stdin_blockers_hit_the_wall_clock(run, code):
    started = time.monotonic()
    result = run(code, WALL)
    elapsed = time.monotonic() - started
    assert result.verdict is Verdict.time_limit
    assert result.message == "the program ran longer than 1.5 s (wall clock)"
    assert result.signal == signal.SIGKILL and result.exit_status is None
    assert result.cpu_seconds < WALL.cpu_seconds  # not the CPU limit: it slept
    # Stopped at the limit: not before it, and within a generous margin after it.
    assert WALL.wall_seconds <= result.wall_seconds < WALL.wall_seconds + SLACK_SECONDS
    assert elapsed < WALL.wall_seconds + SLACK_SECONDS


def test_stdin_is_passed(run):
    result = run("import sys\nprint(sys.stdin.read().upper())", stdin=b"hello")
    assert result.verdict is Verdict.ok and result.stdout == b"HELLO\n"


def test_fork_and_thread_storms_are_bounded(own_sandbox):
    fork = own_sandbox.run(
        RunRequest(
            {
                "main.py": "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        break\n"
            },
            limits=FAST,
        )
    )
    threads = own_sandbox.run(
        RunRequest(
            {
                "main.py": "import threading, time\nn = 0\ntry:\n    while True:\n"
                "        threading.Thread(target=time.sleep, args=(5,), daemon=True).start(); n += 1\n"
                "except RuntimeError:\n    print('capped at', n)"
            },
            limits=FAST,
        )
    )
    # The first process stops forking once the process cap refuses a fork, and exits normally.
    assert fork.verdict is Verdict.ok and fork.exit_status == 0, (fork.message, fork.stderr[-300:])
    assert threads.verdict is Verdict.ok, threads.stderr[-300:]
    # The cap counts tasks: bubblewrap, its init in the new pid namespace and the main thread take
    # three of the 32, the rest are the threads it managed to start.
    assert threads.stdout == f"capped at {FAST.max_processes - 3}\n".encode()
    own_sandbox.close()  # the pre-started next run goes too: now nothing may remain
    assert _settled(lambda: _sandbox_processes(own_sandbox)) == []  # exiting ones may linger a moment
    assert _leftover_cgroups(own_sandbox) == []


def test_a_double_forked_daemon_ignoring_signals_does_not_survive(own_sandbox):
    code = (
        "import os, signal, time\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    if os.fork() == 0:\n"
        "        for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT): signal.signal(s, signal.SIG_IGN)\n"
        "        while True: time.sleep(0.1)\n"
        "    os._exit(0)\n"
        "print('parent done')\n"
    )
    result = own_sandbox.run(RunRequest({"main.py": code}, limits=FAST))
    assert result.verdict is Verdict.ok and result.stdout == b"parent done\n"
    # Even before the sandbox is closed, the daemon is gone: the run's cgroup was killed as a whole.
    assert [p for p in _sandbox_processes(own_sandbox) if not p.pre_started] == []
    own_sandbox.close()  # the pre-started next run goes too: now nothing may remain
    # Killed processes in the middle of exiting have left their cgroup but still show in /proc for
    # a moment (a CI run on a loaded machine saw one 'python' right after close): _settled
    # waits up to 5 s for that, as the check after every test does; one that escaped stays.
    assert _settled(lambda: _sandbox_processes(own_sandbox)) == []
    assert _leftover_cgroups(own_sandbox) == []


OUTPUT = Limits(memory_mb=256, cpu_seconds=2, wall_seconds=30, output_bytes=200_000)


@pytest.mark.parametrize(("stream", "other"), [("stdout", "stderr"), ("stderr", "stdout")])
def test_a_gigabyte_of_output_is_cut_off(run, stream, other):
    result = run(
        f"import sys\nchunk = b'x' * 2**20\nfor _ in range(1024):\n    sys.{stream}.buffer.write(chunk)",
        OUTPUT,
    )
    assert result.verdict is Verdict.output_limit
    assert result.message == "the program wrote more than 200,000 bytes to one stream; stopped"
    assert result.signal == signal.SIGKILL and result.exit_status is None
    assert getattr(result, stream) == b"x" * OUTPUT.output_bytes and getattr(result, f"{stream}_truncated")
    assert getattr(result, other) == b"" and not getattr(result, f"{other}_truncated")
    assert result.wall_seconds < OUTPUT.wall_seconds  # the output cap stopped it, not the wall clock


def test_one_huge_line_and_invalid_utf8_are_captured_safely(run):
    result = run("import sys\nsys.stdout.buffer.write(b'\\xff\\xfe' + b'y' * 100000)")
    assert result.verdict is Verdict.ok
    assert result.stdout == b"\xff\xfe" + b"y" * 100000 and not result.stdout_truncated
    assert result.to_dict()["stdout"] == "\ufffd\ufffd" + "y" * 100000


def test_big_and_many_files_in_scratch_are_capped(run):
    big = run("open('big.bin', 'wb').write(b'x' * 64 * 2**20)")
    many = run("import os\nfor i in range(100000):\n    open(f'f{i}', 'w').close()")
    # The 16 MB scratch fills up before the 16 MB file-size limit is reached (main.py is there too).
    assert big.verdict is Verdict.runtime_error and big.exit_status == 1
    assert big.stderr.decode().splitlines()[-1] == "OSError: [Errno 28] No space left on device"
    # The scratch holds 4096 inodes: its root and main.py leave room for 4094 files.
    assert many.verdict is Verdict.runtime_error and many.exit_status == 1
    assert many.stderr.decode().splitlines()[-1] == "OSError: [Errno 28] No space left on device: 'f4094'"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (
            "import os\nos.symlink('/etc/shadow', 'result.json')",
            "result.json: refused (Too many levels of symbolic links)",
        ),
        ("import os\nos.mkfifo('result.json')", "result.json: refused (not a regular file)"),
        (
            "import os\nopen('a', 'w').write('{}')\nos.link('a', 'result.json')",
            "result.json: refused (hard-linked)",
        ),
        (
            "open('result.json', 'wb').write(b'x' * 3_000_000)",
            "result.json: refused (larger than 2,000,000 bytes)",
        ),
    ],
)
def test_unsafe_result_files_are_refused(sandbox, code, reason):
    limits = Limits(memory_mb=256, cpu_seconds=2, wall_seconds=30, max_collect_bytes=2_000_000)
    result = sandbox.run(RunRequest({"main.py": code}, limits=limits, collect=["result.json"]))
    assert result.verdict is Verdict.ok, result.stderr  # the program itself ran fine
    assert result.outputs == {}
    assert result.message.split("; ") == ["the program finished normally", reason]


def test_fake_pass_output_and_other_fds_do_not_fool_the_parent(run):
    result = run(
        "import os\nprint('PASS 100%')\nfor fd in range(3, 50):\n    try: os.write(fd, b'PASS')\n    except OSError: pass"
    )
    assert result.verdict is Verdict.ok and result.outputs == {}
    assert result.stdout == b"PASS 100%\n" and result.stderr == b""


def test_kill_minus_one_does_not_touch_the_host(run, sandbox):
    helper = subprocess.Popen(["sleep", "30"])
    try:
        result = run(
            "import os, signal\ntry:\n    os.kill(-1, signal.SIGKILL)\nexcept OSError as e:\n    print(e)"
        )
        # In its own pid namespace the only other process is bubblewrap's init, which kill(-1) skips.
        assert result.verdict is Verdict.ok
        assert result.stdout == b"[Errno 3] No such process\n"
        assert helper.poll() is None  # the host process is still alive
        assert _alive(sandbox.helper_pids[-1])  # and so is the sandbox's helper
    finally:
        helper.kill()
        helper.wait()


def test_no_ptrace_of_host_processes(run):
    result = run(
        f"import os\nprint(os.path.exists('/proc/{os.getpid()}'), sorted(p for p in os.listdir('/proc') if p.isdigit()))"
    )
    assert result.verdict is Verdict.ok
    assert result.stdout == b"False ['1', '2']\n"  # host processes are not even visible


KERNEL_CALLS = """
import ctypes, errno, json
libc = ctypes.CDLL(None, use_errno=True)
def attempt(number, *args):
    result = libc.syscall(number, *args)
    return "allowed" if result >= 0 else errno.errorcode.get(ctypes.get_errno(), "?")
CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000
print(json.dumps({
    "unshare": attempt(272, CLONE_NEWUSER | CLONE_NEWNET),
    "ptrace": attempt(101, 16, 1, 0, 0),            # PTRACE_ATTACH to pid 1
    "keyctl": attempt(250, 0, -3, 0),               # KEYCTL_GET_KEYRING_ID of the session keyring
    "add_key": attempt(248, b"user", b"k", b"v", 1, -3),
    "bpf": attempt(321, 0, 0, 0),
    "io_uring_setup": attempt(425, 8, ctypes.create_string_buffer(120)),
    "perf_event_open": attempt(298, ctypes.create_string_buffer(128), 0, -1, -1, 0),
    "mount": attempt(165, b"none", b"/work", b"tmpfs", 0, 0),
    "setns": attempt(308, 0, 0),
    "inet_socket": attempt(41, 2, 1, 0),            # AF_INET, SOCK_STREAM
    "clone_newuser": attempt(56, CLONE_NEWUSER | 17, 0, 0, 0, 0),
}))
"""


def test_kernel_interfaces_are_refused_by_the_filter(run):
    result = run(KERNEL_CALLS)
    assert result.verdict is Verdict.ok, result.stderr
    outcome = json.loads(result.stdout)
    assert {name: value for name, value in outcome.items() if value == "allowed"} == {}
    assert outcome["unshare"] == outcome["ptrace"] == outcome["bpf"] == outcome["keyctl"] == "EPERM"
    assert outcome["inet_socket"] == "EAFNOSUPPORT"


def test_threads_and_subprocesses_still_work_under_the_filter(run):
    code = (
        "import threading, subprocess, sys, socket\n"
        "t = threading.Thread(target=print, args=('thread',)); t.start(); t.join()\n"
        "print(subprocess.run([sys.executable, '-c', 'print(2)'], capture_output=True).stdout.decode().strip())\n"
        "a, b = socket.socketpair(); a.send(b'unix'); print(b.recv(4).decode())"
    )
    result = run(code)
    assert result.verdict is Verdict.ok, result.stderr
    assert result.stdout.split() == [b"thread", b"2", b"unix"]


HOLDER = (
    "import os, time\n"
    "open('mine.txt', 'w').write('secret')\n"
    "deadline = time.monotonic() + 50\n"
    "while not os.path.exists('release') and time.monotonic() < deadline:\n"
    "    time.sleep(0.01)\n"
    "print('released' if os.path.exists('release') else 'never released')\n"
)


def test_two_concurrent_runs_cannot_see_each_other(sandbox):
    """The first run holds its scratch until the host releases it (no sleep that guesses how long the
    other runs take): the second and third run happen while it is certainly alive."""
    first: dict[str, RunResult] = {}
    holder_limits = Limits(memory_mb=256, cpu_seconds=5, wall_seconds=60)

    def hold() -> None:
        first["r"] = sandbox.run(RunRequest({"main.py": HOLDER, "data.txt": "A"}, limits=holder_limits))

    thread = threading.Thread(target=hold)
    thread.start()
    scratch = None
    try:
        scratch = _poll(lambda: _scratch_holding(sandbox, "mine.txt"), timeout=30)
        assert (scratch / "mine.txt").read_text() == "secret"
        spy = sandbox.run(
            RunRequest(
                {
                    "main.py": "import os\nprint(sorted(os.listdir('.')), len([p for p in os.listdir('/proc') if p.isdigit()]))"
                },
                limits=FAST,
            )
        )
        # The first run's scratch on the host, by its real path, from inside another run.
        peek = sandbox.run(
            RunRequest(
                {
                    "main.py": f"import os, json\nprint(json.dumps([os.path.exists({str(scratch)!r}), "
                    f"os.path.exists({str(scratch / 'mine.txt')!r}), os.path.exists('/proc/1/root/work/mine.txt')]))"
                },
                limits=FAST,
            )
        )
    finally:
        if scratch is not None:
            (scratch / "release").write_text("")
        thread.join(timeout=holder_limits.wall_seconds + SLACK_SECONDS)
    assert spy.verdict is Verdict.ok and spy.stdout == b"['main.py'] 2\n"  # its own file, its own processes
    assert peek.verdict is Verdict.ok and json.loads(peek.stdout) == [False, False, False]
    assert first["r"].verdict is Verdict.ok and first["r"].stdout == b"released\n"


def test_the_pre_started_run_is_ready_and_serves_the_next_run(sandbox):
    sandbox.run(RunRequest({"main.py": "pass"}, limits=FAST))
    waiting = _poll(lambda: [p for p in _sandbox_processes(sandbox) if p.comm == "bwrap"], timeout=30)
    assert all(p.pre_started for p in _sandbox_processes(sandbox)), waiting
    result = sandbox.run(
        RunRequest({"main.py": "import os\nprint(os.getuid(), sorted(os.listdir('.')))"}, limits=FAST)
    )
    assert result.verdict is Verdict.ok and result.stdout.split(maxsplit=1)[1] == b"['main.py']\n"
    assert UID_BASE <= int(result.stdout.split()[0]) < UID_BASE + UID_COUNT


def test_nothing_is_left_behind_after_many_runs(own_sandbox):
    # Each program forks a child that prints, tells the parent so through a pipe, and then lingers:
    # the parent ends once the child has printed (so both lines are always there; a parent that did
    # not wait could end first and take its child down before it printed), and the sandbox must
    # clean up a child still alive when its parent is gone.
    program = (
        "import os, time\nr, w = os.pipe()\npid = os.fork()\nprint({i}, flush=True)\n"
        "if pid == 0:\n    os.write(w, b'x')\n    time.sleep(60)\nelse:\n    os.read(r, 1)\n"
    )
    for i in range(100):
        result = own_sandbox.run(RunRequest({"main.py": program.format(i=i)}, limits=FAST))
        assert result.verdict is Verdict.ok
        assert result.stdout == f"{i}\n{i}\n".encode()  # parent and child both printed
    own_sandbox.close()  # the pre-started next run goes too: now nothing may remain
    assert _settled(lambda: _sandbox_processes(own_sandbox)) == []  # exiting ones may linger a moment
    assert _leftover_cgroups(own_sandbox) == []
    assert _our_scratch(own_sandbox) == (0, [])


def test_missing_bubblewrap_is_a_clear_refusal(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(SandboxUnavailable, match=r"bubblewrap \(bwrap\) is not installed"):
        Sandbox()


def test_insecure_mode_says_so():
    result = Sandbox(insecure=True).run(RunRequest({"main.py": "print(1)"}, limits=FAST))
    assert result.verdict is Verdict.ok and result.sandboxed is False and result.stdout == b"1\n"
    assert result.message == "the program finished normally; INSECURE development mode: not sandboxed"


# -- the host's side ---------------------------------------------------------------------------------
def _poll(condition: Callable[[], T], timeout: float) -> T:
    """The first truthy value of ``condition()``, polled until ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            assert value, f"not reached within {timeout} s"
            return value
        time.sleep(0.02)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _scratch_holding(sandbox: Sandbox, name: str) -> Path | None:
    """The scratch folder (on the host) of one of this sandbox's runs that holds ``name``."""
    for pid in sandbox.helper_pids:
        for path in Path(tempfile.gettempdir()).glob(f"mlinterview-scratch-{pid}-*/*/{name}"):
            return path.parent
    return None


class SandboxProcess(NamedTuple):
    pid: int
    uid: int
    comm: str
    own_pid_namespace: bool  # in a pid namespace of its own (started by bubblewrap)

    @property
    def pre_started(self) -> bool:
        """A pre-started run blocked before its program starts is bubblewrap alone; a process forked
        to become bubblewrap is still in the host's pid namespace. A candidate's program is neither."""
        return self.comm == "bwrap" or not self.own_pid_namespace


HOST_PID_NAMESPACE = os.readlink("/proc/self/ns/pid")


def _processes_as_sandbox_uids() -> list[tuple[SandboxProcess, str]]:
    """(process, its /proc/PID/cgroup text) for every live process running as a sandbox uid. Zombies
    are left out: an exited process has already left its cgroup and runs nothing (bubblewrap's init
    stays one for a moment until the helper reaps it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            lines = (entry / "status").read_text().splitlines()
        except OSError:
            continue  # gone meanwhile
        status = {key: value.strip() for key, _, value in (line.partition(":") for line in lines)}
        pid, uid, state, comm = entry.name, status["Uid"].split()[0], status["State"], status["Name"]
        if not UID_BASE <= int(uid) < UID_BASE + UID_COUNT or state.startswith(("Z", "X")):
            continue
        try:
            groups = Path(f"/proc/{pid}/cgroup").read_text()
            namespace = os.readlink(f"/proc/{pid}/ns/pid")
        except OSError:
            continue  # gone meanwhile
        found.append((SandboxProcess(int(pid), int(uid), comm, namespace != HOST_PID_NAMESPACE), groups))
    return found


def _settled(processes: Callable[[], list[SandboxProcess]], timeout: float = 5.0) -> list[SandboxProcess]:
    """``processes()`` once it is empty, or what remains after ``timeout`` seconds: a process in the
    middle of exiting has left its cgroup before it becomes a zombie; one that escaped stays."""
    deadline = time.monotonic() + timeout
    while (found := processes()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def _escaped_processes() -> list[SandboxProcess]:
    """Processes running as a sandbox uid outside every run cgroup, whoever's sandbox started them."""
    return _settled(
        lambda: [process for process, groups in _processes_as_sandbox_uids() if f"/{PARENT}/" not in groups]
    )


def _sandbox_processes(sandbox: Sandbox) -> list[SandboxProcess]:
    """Processes running as a sandbox uid that belong to this sandbox: in a run cgroup named after one of
    its helper processes (a sandbox process cannot leave its cgroup, and a cgroup cannot be removed
    while it has one), or in no run cgroup at all (an escape). Other sandboxes (other tests' fixtures,
    other test runs on the machine) have their own helpers and are left out."""
    ours = tuple(f"/{PARENT}/{pid}-" for pid in sandbox.helper_pids)
    return [
        process
        for process, groups in _processes_as_sandbox_uids()
        if f"/{PARENT}/" not in groups or any(prefix in groups for prefix in ours)
    ]


def _leftover_cgroups(sandbox: Sandbox) -> list[str]:
    """Run cgroups made by this sandbox's helpers (named after the helper's pid)."""
    ours = tuple(f"{pid}-" for pid in sandbox.helper_pids)
    return [str(p) for p in cgroups.group_dirs() if p.name.startswith(ours)]


def _our_scratch(sandbox: Sandbox) -> tuple[int, list[str]]:
    """Scratch mounts and folders left by this sandbox's helpers."""
    ours = tuple(f"mlinterview-scratch-{pid}-" for pid in sandbox.helper_pids)
    mounts = [line for line in Path("/proc/mounts").read_text().splitlines() if any(o in line for o in ours)]
    folders = [
        str(p) for p in Path(tempfile.gettempdir()).glob("mlinterview-scratch-*") if p.name.startswith(ours)
    ]
    return len(mounts), folders
