"""Untrusted code against the sandbox: each test checks the verdict and that the host is unharmed."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from mlinterview import REPO_DIR
from mlinterview.sandbox import Limits, Sandbox, SandboxUnavailable, Verdict, cgroups
from mlinterview.sandbox.cgroups import PARENT
from tests.sandbox.conftest import FAST

pytestmark = pytest.mark.sandbox


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
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    result = run(
        f"import socket\ntry:\n    socket.create_connection(('127.0.0.1', {port}), timeout=1)\n    print('CONNECTED')\n"
        "except OSError as e:\n    print('blocked', e)"
    )
    assert b"blocked" in result.stdout and b"CONNECTED" not in result.stdout
    with pytest.raises(TimeoutError):
        listener.accept()  # nothing ever reached the host
    listener.close()


def test_no_dns(run):
    result = run(
        "import socket\ntry:\n    print(socket.gethostbyname('pypi.org'))\nexcept OSError as e:\n    print('blocked')"
    )
    assert result.stdout.strip() == b"blocked"


def test_no_abstract_unix_socket_on_the_host(run):
    server = socket.socket(socket.AF_UNIX)
    name = f"\0mlinterview-test-{os.getpid()}"
    server.bind(name)
    server.listen()
    server.settimeout(0.3)
    result = run(
        f"import socket\ns = socket.socket(socket.AF_UNIX)\ntry:\n    s.connect({name!r})\n    print('CONNECTED')\n"
        "except OSError:\n    print('blocked')"
    )
    assert result.stdout.strip() == b"blocked"
    with pytest.raises(TimeoutError):
        server.accept()
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
    assert result.stdout.strip() == b"False"


def test_hidden_tests_in_the_parents_temp_dir_are_not_visible(run, tmp_path):
    secret = tmp_path / "hidden_tests.py"
    secret.write_text("EXPECTED = 42")
    result = run(f"import os\nprint(os.path.exists({str(secret)!r}), os.listdir('/tmp'))")
    assert result.stdout.strip() == b"False []"


def test_the_parents_environment_is_not_passed(run, monkeypatch):
    monkeypatch.setenv("MLINTERVIEW_TEST_SECRET", "s3cr3t")
    result = run("import os\nprint(sorted(os.environ))\nprint(open('/proc/1/environ','rb').read())")
    assert b"s3cr3t" not in result.stdout + result.stderr
    assert b"MLINTERVIEW_TEST_SECRET" not in result.stdout


@pytest.mark.parametrize(
    "target",
    ["/usr/evil.txt", "/opt/mlinterview/runtime/lib/python3.11/site-packages/evil.py", "/evil.txt"],
)
def test_system_and_runtime_are_read_only(run, target):
    result = run(f"open({target!r}, 'w').write('x')")
    assert result.verdict is Verdict.runtime_error
    assert not Path(target).exists()


def test_tmp_and_scratch_do_not_persist_between_runs(run):
    run("open('/tmp/left.txt', 'w').write('x'); open('left.txt', 'w').write('x')")
    result = run("import os\nprint(os.path.exists('/tmp/left.txt'), os.path.exists('left.txt'))")
    assert result.stdout.strip() == b"False False"


@pytest.mark.parametrize(
    "code",
    [
        "blocks = []\nwhile True:\n    blocks.append(bytearray(50 * 2**20))",
        "import numpy as np\nx = np.ones((2 * 2**30) // 8)\nprint(x.sum())",
    ],
)
def test_memory_bombs_hit_the_memory_limit(run, code):
    started = time.monotonic()
    result = run(code, Limits(memory_mb=512, cpu_seconds=5, wall_seconds=10))
    assert result.verdict in (Verdict.memory_limit, Verdict.runtime_error)
    assert result.verdict is Verdict.memory_limit or b"MemoryError" in result.stderr
    assert time.monotonic() - started < 8


@pytest.mark.parametrize(
    "code",
    [
        "while True:\n    pass",
        "import signal\nsignal.signal(signal.SIGXCPU, lambda *a: None)\nwhile True:\n    pass",
        "import threading\ndef spin():\n    while True: pass\nfor _ in range(4):\n    threading.Thread(target=spin).start()\nspin()",
    ],
)
def test_cpu_burners_hit_the_time_limit(run, code):
    started = time.monotonic()
    result = run(code, Limits(memory_mb=256, cpu_seconds=1, wall_seconds=6))
    assert result.verdict is Verdict.time_limit, result.message
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    "code", ["import time\ntime.sleep(60)", "import sys\nsys.stdin.read()\nimport time\ntime.sleep(60)"]
)
def test_sleepers_and_stdin_blockers_hit_the_wall_clock(run, code):
    started = time.monotonic()
    result = run(code, Limits(memory_mb=256, cpu_seconds=2, wall_seconds=1.5))
    assert result.verdict is Verdict.time_limit
    assert "wall clock" in result.message
    assert time.monotonic() - started < 4


def test_stdin_is_passed(run):
    assert run("import sys\nprint(sys.stdin.read().upper())", stdin=b"hello").stdout == b"HELLO\n"


def test_fork_and_thread_storms_are_bounded(run, sandbox):
    fork = run(
        "import os\nn = 0\nwhile True:\n    try:\n        os.fork(); n += 1\n    except OSError:\n        break\n"
    )
    threads = run(
        "import threading, time\nn = 0\ntry:\n    while True:\n        threading.Thread(target=time.sleep, args=(5,), daemon=True).start(); n += 1\n"
        "except RuntimeError:\n    print('capped at', n)"
    )
    assert fork.verdict in (Verdict.ok, Verdict.runtime_error, Verdict.time_limit)
    assert b"capped at" in threads.stdout
    assert int(threads.stdout.split()[-1]) < FAST.max_processes
    sandbox.close()  # the pre-started next run goes too: now nothing may remain
    assert _sandbox_processes(sandbox) == []


def test_a_double_forked_daemon_ignoring_signals_does_not_survive(run, sandbox):
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
    result = run(code)
    assert result.verdict is Verdict.ok and b"parent done" in result.stdout
    sandbox.close()  # the pre-started next run goes too: now nothing may remain
    assert _sandbox_processes(sandbox) == []
    assert _leftover_cgroups(sandbox) == []


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_a_gigabyte_of_output_is_cut_off(run, stream):
    started = time.monotonic()
    result = run(
        f"import sys\nchunk = b'x' * 2**20\nfor _ in range(1024):\n    sys.{stream}.buffer.write(chunk)"
    )
    assert result.verdict is Verdict.output_limit
    assert len(getattr(result, stream)) == FAST.output_bytes and getattr(result, f"{stream}_truncated")
    assert time.monotonic() - started < 4


def test_one_huge_line_and_invalid_utf8_are_captured_safely(run):
    result = run("import sys\nsys.stdout.buffer.write(b'\\xff\\xfe' + b'y' * 100000)")
    assert result.verdict is Verdict.ok
    assert result.stdout.startswith(b"\xff\xfe") and "\ufffd" in result.to_dict()["stdout"]


def test_big_and_many_files_in_scratch_are_capped(run):
    big = run("open('big.bin', 'wb').write(b'x' * 64 * 2**20)")
    many = run("import os\nfor i in range(100000):\n    open(f'f{i}', 'w').close()")
    assert big.verdict is Verdict.runtime_error  # File too large / no space left
    assert many.verdict is Verdict.runtime_error


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("import os\nos.symlink('/etc/shadow', 'result.json')", "refused"),
        ("import os\nos.mkfifo('result.json')", "not a regular file"),
        ("import os\nopen('a', 'w').write('{}')\nos.link('a', 'result.json')", "hard-linked"),
        ("open('result.json', 'wb').write(b'x' * 3_000_000)", "larger than"),
    ],
)
def test_unsafe_result_files_are_refused(sandbox, code, reason):
    limits = Limits(memory_mb=256, cpu_seconds=2, wall_seconds=4, max_collect_bytes=2_000_000)
    result = sandbox.run({"main.py": code}, limits=limits, collect=["result.json"])
    assert "result.json" not in result.outputs
    assert reason in result.message


def test_fake_pass_output_and_other_fds_do_not_fool_the_parent(run):
    result = run(
        "import os\nprint('PASS 100%')\nfor fd in range(3, 50):\n    try: os.write(fd, b'PASS')\n    except OSError: pass"
    )
    assert result.verdict is Verdict.ok and result.outputs == {}


def test_kill_minus_one_does_not_touch_the_host(run):
    helper = subprocess.Popen(["sleep", "30"])
    try:
        result = run(
            "import os, signal\ntry:\n    os.kill(-1, signal.SIGKILL)\nexcept OSError as e:\n    print(e)"
        )
        assert result.verdict in (Verdict.ok, Verdict.runtime_error)
        assert helper.poll() is None  # the host process is still alive
    finally:
        helper.kill()


def test_no_ptrace_of_host_processes(run):
    result = run(f"import os\nprint(os.path.exists('/proc/{os.getpid()}'))")
    assert result.stdout.strip() == b"False"  # host processes are not even visible


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
    import json

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


def test_two_concurrent_runs_cannot_see_each_other(sandbox):
    first = {}

    def slow() -> None:
        first["r"] = sandbox.run(
            {
                "main.py": "import time\nopen('mine.txt', 'w').write('secret')\ntime.sleep(1.5)",
                "data.txt": "A",
            },
            limits=FAST,
        )

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)
    spy = sandbox.run(
        {
            "main.py": "import os\nprint(sorted(os.listdir('.')), len([p for p in os.listdir('/proc') if p.isdigit()]))"
        },
        limits=FAST,
    )
    # The first run's scratch on the host, by its real path, from inside a second run.
    scratches = [str(p) for p in Path(tempfile.gettempdir()).glob("mlinterview-scratch-*/*")]
    assert scratches, "the first run's scratch should exist on the host while it runs"
    peek = sandbox.run(
        {
            "main.py": f"import os\nprint([os.path.exists(p) for p in {scratches!r}], os.path.exists('/proc/1/root/work/mine.txt'))"
        },
        limits=FAST,
    )
    thread.join()
    assert spy.stdout.split(b"]")[0] == b"['main.py'"
    assert int(spy.stdout.split()[-1]) <= 3  # only its own processes
    assert b"True" not in peek.stdout and peek.verdict is Verdict.ok
    assert first["r"].verdict is Verdict.ok


def test_the_pre_started_run_is_ready_and_serves_the_next_run(sandbox):
    sandbox.run({"main.py": "pass"}, limits=FAST)
    deadline = time.monotonic() + 5
    while (
        not [line for line in _sandbox_processes(sandbox) if line.endswith("bwrap")]
        and time.monotonic() < deadline
    ):
        time.sleep(0.02)
    waiting = _sandbox_processes(sandbox)
    assert waiting, "a run should be pre-started after the first one"
    result = sandbox.run({"main.py": "import os\nprint(os.getuid(), sorted(os.listdir('.')))"}, limits=FAST)
    assert result.verdict is Verdict.ok and result.stdout.split(maxsplit=1)[1] == b"['main.py']\n"
    assert int(result.stdout.split()[0]) >= 61000


def test_nothing_is_left_behind_after_many_runs(sandbox):
    for i in range(100):
        result = sandbox.run({"main.py": f"import os\nos.fork()\nprint({i})"}, limits=FAST)
        assert result.verdict is Verdict.ok
    sandbox.close()  # the pre-started next run goes too: now nothing may remain
    assert _sandbox_processes(sandbox) == []
    assert _leftover_cgroups(sandbox) == []
    assert _our_scratch(sandbox) == (0, [])


def test_missing_bubblewrap_is_a_clear_refusal(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(SandboxUnavailable, match=r"bubblewrap \(bwrap\) is not installed"):
        Sandbox()


def test_insecure_mode_says_so():
    result = Sandbox(insecure=True).run({"main.py": "print(1)"}, limits=FAST)
    assert result.verdict is Verdict.ok and result.sandboxed is False
    assert "INSECURE" in result.message


def _sandbox_processes(sandbox: Sandbox) -> list[str]:
    """Processes running as a sandbox uid that belong to this test session: in a run cgroup named
    after one of our helper processes (a sandbox process cannot leave its cgroup, and a cgroup
    cannot be removed while it has one), or in no run cgroup at all (an escape). Other sandboxes
    (other tests' fixtures, other test runs on the machine) have their own helpers and are left
    out."""
    ours = tuple(f"/{PARENT}/{pid}-" for pid in sandbox.helper_pids)
    out = subprocess.run(["ps", "-eo", "uid=,pid=,comm="], capture_output=True, text=True, check=True).stdout
    found = []
    for line in out.splitlines():
        uid, pid, _ = line.split(maxsplit=2)
        if not 61000 <= int(uid) < 61512:
            continue
        try:
            groups = Path(f"/proc/{pid}/cgroup").read_text()
        except OSError:
            continue  # gone meanwhile
        if f"/{PARENT}/" not in groups or any(prefix in groups for prefix in ours):
            found.append(line)
    return found


def _leftover_cgroups(sandbox: Sandbox) -> list[str]:
    """Run cgroups made by this sandbox's helpers (named after the helper's pid)."""
    ours = tuple(f"{pid}-" for pid in sandbox.helper_pids)
    return [str(p) for p in cgroups.group_dirs() if p.name.startswith(ours)]


def _our_scratch(sandbox: Sandbox) -> tuple[int, list[str]]:
    """Scratch mounts and folders left by this session's helpers."""
    ours = tuple(f"mlinterview-scratch-{pid}-" for pid in sandbox.helper_pids)
    mounts = [line for line in Path("/proc/mounts").read_text().splitlines() if any(o in line for o in ours)]
    folders = [
        str(p) for p in Path(tempfile.gettempdir()).glob("mlinterview-scratch-*") if p.name.startswith(ours)
    ]
    return len(mounts), folders
