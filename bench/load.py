"""Load: many candidates taking one assessment at once, against the production setup on this machine.

Starts its own PostgreSQL (scripts/postgres.sh) and Redis on loopback, gunicorn with N web
processes and M `mlinterview worker` processes on RQ, then runs two phases:

1. **Candidates**: C simulated candidates (default 200) start within the first 10 s, open each
   item, autosave every 10 s with what they have typed so far, run their code once on the
   exercise, and submit at the end. Per endpoint: requests, p50/p95/p99 latency, errors. After
   the submissions, the time from submission until each answer is scored (queue wait plus
   scoring), and answers lost: every autosave the server acknowledged must be in the database,
   and each answer must hold the last acknowledged text.
2. **Capacity**: K client threads in P processes send autosaves and page views back to back for
   S seconds: sustained requests per second and latency under saturation.

    python bench/load.py [--candidates 200] [--duration 60] [--capacity-seconds 20] [--out FILE]

Bars: p95 autosave <= 100 ms in phase 1, >= 300 requests/s sustained in phase 2, 0 answers lost.
Everything is bounded in time and requests and stays on 127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import multiprocessing
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Any

from _common import ROOT, parser, say, table, write

BAR = {"autosave_p95_ms": 100.0, "requests_per_second": 300.0, "answers_lost": 0}

SETUP = """
import json
from mlinterview.web.assessments import services
from mlinterview.web.accounts.models import User
rita = User.objects.get_or_create(username="loadtest", defaults={{"is_staff": True}})[0]
a = services.create_assessment("Load test", rita, 120)
services.set_items(a.latest, [services.ItemSpec("question", "type-1-vs-type-2-errors"),
    services.ItemSpec("question", "regularization"), services.ItemSpec("exercise", "confusion-matrix")], rita)
services.publish(a.latest, rita)
tokens = [services.invite(a.latest, f"Load {{n}}", f"load{{n}}@example.com", rita)[1] for n in range({count})]
items = [[i.pk, i.kind] for i in a.latest.items.all()]
print(json.dumps({{"tokens": tokens, "items": items}}))
"""
WORDS = [
    *("a", "type", "one", "error", "is", "a", "false", "positive", "and", "a", "type", "two"),
    *("error", "is", "a", "false", "negative", "the", "threshold", "trades", "one", "for"),
    *("the", "other", "regularisation", "adds", "a", "penalty", "on", "the", "weights"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Stack:
    """PostgreSQL, Redis, gunicorn and workers, each a subprocess on loopback."""

    def __init__(self, web_processes: int, workers: int, worker_nice: int = 10) -> None:
        self.worker_nice = worker_nice
        self.tmp = Path(tempfile.mkdtemp(prefix="mlinterview-load-"))
        self.pg_dir = Path(tempfile.mkdtemp(prefix="mlinterview-pg-"))
        self.pg_port, self.redis_port, self.port = _free_port(), _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.web_processes, self.workers = web_processes, workers
        self.processes: list[subprocess.Popen[bytes]] = []
        self.env = {
            **os.environ,
            "MLINTERVIEW_DATA_DIR": str(self.tmp / "data"),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pg_port}/mlinterview",
            "MLINTERVIEW_TASK_BACKEND": "rq",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "DJANGO_SETTINGS_MODULE": "mlinterview.web.settings",
        }

    def _spawn(self, name: str, command: list[str]) -> None:
        log = (self.tmp / f"{name}.log").open("ab")
        self.processes.append(
            subprocess.Popen(
                command, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        )

    def start(self) -> None:
        say(f"starting PostgreSQL, Redis, gunicorn ({self.web_processes}) and {self.workers} workers")
        env = {**os.environ, "MLINTERVIEW_PG_PORT": str(self.pg_port)}
        subprocess.run(["bash", str(ROOT / "scripts/postgres.sh"), "start", str(self.pg_dir)], env=env,
                       check=True, capture_output=True)  # fmt: skip
        import psycopg

        with psycopg.connect(f"postgres://postgres@127.0.0.1:{self.pg_port}/postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE mlinterview")
        redis = shutil.which("redis-server") or "/usr/bin/redis-server"
        self._spawn("redis", [redis, "--bind", "127.0.0.1", "--port", str(self.redis_port), "--save", ""])
        setup = subprocess.run(
            [sys.executable, "-m", "mlinterview", "setup"], env=self.env, capture_output=True, text=True
        )
        if setup.returncode != 0:
            raise SystemExit(f"mlinterview setup failed:\n{setup.stdout}{setup.stderr}")
        self._spawn(
            "gunicorn",
            [sys.executable, "-m", "gunicorn", "mlinterview.web.wsgi:application", "--bind",
             f"127.0.0.1:{self.port}", "--workers", str(self.web_processes), "--worker-class", "gthread",
             "--threads", "8", "--backlog", "2048"],
        )  # fmt: skip
        for n in range(self.workers):
            self._spawn(
                f"worker-{n}",
                [
                    sys.executable,
                    "-m",
                    "mlinterview",
                    "worker",
                    "--reconcile-every",
                    "5",
                    "--nice",
                    str(self.worker_nice),
                ],  # fmt: skip
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/login/", timeout=2).read()
                return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"the web server did not start; see {self.tmp}/gunicorn.log")

    def shell(self, code: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "mlinterview", "manage", "shell", "-c", code],
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def sql(self, query: str) -> list[tuple[Any, ...]]:
        import psycopg

        with psycopg.connect(self.env["DATABASE_URL"]) as conn:
            return list(conn.execute(query).fetchall())

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        env = {**os.environ, "MLINTERVIEW_PG_PORT": str(self.pg_port)}
        subprocess.run(["bash", str(ROOT / "scripts/postgres.sh"), "stop", str(self.pg_dir)], env=env,
                       capture_output=True)  # fmt: skip
        logs = ROOT / "bench" / "results" / "load-logs"
        shutil.rmtree(logs, ignore_errors=True)
        logs.mkdir(parents=True)
        for log in self.tmp.glob("*.log"):
            shutil.copy(log, logs / log.name)  # kept for a look at any error
        shutil.rmtree(self.tmp, ignore_errors=True)


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.statuses: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))

    def add(self, endpoint: str, seconds: float, ok: bool, status: int = 0) -> None:
        with self.lock:
            self.latency[endpoint].append(seconds)
            if not ok:
                self.errors[endpoint] += 1
                self.statuses[endpoint][status] += 1


class Client:
    """One browser: a kept-alive connection (as browsers do), its cookies, and timed requests."""

    IDLE_REUSE_SECONDS = 1.0  # gunicorn closes idle keep-alive connections after 2 s

    def __init__(self, base: str, recorder: Recorder) -> None:
        self.base, self.recorder = base, recorder
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None
        self.last_used = 0.0

    def csrf(self) -> str:
        return self.cookies.get("csrftoken", "")

    def _connection(self) -> http.client.HTTPConnection:
        # Reuse the connection only while the server surely still holds it open: a request on a
        # connection the server is closing could fail after being sent (and must not be resent).
        if self.conn is not None and time.monotonic() - self.last_used > self.IDLE_REUSE_SECONDS:
            self.conn.close()
            self.conn = None
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        return self.conn

    def call(self, endpoint: str, path: str, body: Any = None, form: bool = False) -> tuple[int, bytes]:
        method, data = "GET", None
        headers = {"Referer": self.base, "Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            method = "POST"
            headers["X-CSRFToken"] = self.csrf()
            if form:
                data = urllib.parse.urlencode({**body, "csrfmiddlewaretoken": self.csrf()}).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            else:
                data = json.dumps(body).encode()
                headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            conn = self._connection()
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            payload, status = response.read(), response.status
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            if response.will_close:
                conn.close()
                self.conn = None
        except (OSError, http.client.HTTPException):
            payload, status = b"", 0
            if self.conn is not None:
                self.conn.close()
            self.conn = None
        self.last_used = time.monotonic()
        self.recorder.add(endpoint, time.perf_counter() - started, 200 <= status < 400, status)
        if not 200 <= status < 400 and os.environ.get("MLINTERVIEW_LOAD_DEBUG"):
            say(f"{endpoint}: HTTP {status}: {payload[:300]!r}")
        return status, payload


def run_code(client: Client, token: str, item_id: int, content: str, recorder: Recorder) -> bool:
    """Queue a trial run as the page does, then poll until a worker has judged it.

    Records the request itself ("run code") and the time until the result is there ("run code
    result", queue wait included). Returns whether the server acknowledged (and so saved) the code.
    """
    started = time.perf_counter()
    status, payload = client.call("run code", f"/take/{token}/run/", {"item": item_id, "content": content})
    if status != 202:
        return False
    data = json.loads(payload)
    wait = 0.3
    while data.get("status") in ("pending", "running"):
        time.sleep(wait)
        wait = min(wait * 1.5, 2.0)
        status, payload = client.call("run code poll", data["poll"])
        if status != 200:
            break
        data = {**json.loads(payload), "poll": data["poll"]}
    recorder.add("run code result", time.perf_counter() - started, data.get("status") == "done")
    return True


def candidate(
    base: str, token: str, items: list[list[Any]], solution: str, duration: float, delay: float,
    recorder: Recorder, acked: dict[tuple[str, int], list[str]],
) -> None:  # fmt: skip
    rng = random.Random(token)
    time.sleep(delay)
    client = Client(base, recorder)
    client.call("landing", f"/take/{token}/")
    client.call("start", f"/take/{token}/start/", {}, form=True)
    typed: dict[int, list[str]] = defaultdict(list)
    end = time.monotonic() + duration
    position, ran = 0, False
    while time.monotonic() < end:
        item_id, kind = items[position]
        client.call("item page", f"/take/{token}/item/{position}/")
        for _ in range(3):  # about 30 s on each item, saving every 10 s
            if time.monotonic() >= end:
                break
            time.sleep(10 * rng.uniform(0.9, 1.1))
            if kind == "exercise":
                content = solution if rng.random() < 0.7 else solution + f"\n# note {rng.random():.6f}\n"
                if not ran:
                    ran = True
                    if run_code(client, token, item_id, content, recorder):
                        acked[(token, item_id)].append(content)
                    continue
            else:
                typed[item_id] += rng.sample(WORDS, 4)
                content = " ".join(typed[item_id])
            status, _ = client.call("autosave", f"/take/{token}/save/", {"item": item_id, "content": content})
            if status == 200:
                acked[(token, item_id)].append(content)
        position = (position + 1) % len(items)
    client.call("submit", f"/take/{token}/submit/", {}, form=True)


def _capacity_process(base: str, tokens: list[str], item_id: int, seconds: float, queue: Any) -> None:
    recorder = Recorder()
    stop = time.monotonic() + seconds

    def hammer(token: str) -> None:
        client = Client(base, recorder)
        client.call("landing", f"/take/{token}/")
        client.call("start", f"/take/{token}/start/", {}, form=True)
        n = 0
        while time.monotonic() < stop:
            n += 1
            if n % 4 == 0:
                client.call("item page", f"/take/{token}/item/0/")
            else:
                client.call("autosave", f"/take/{token}/save/", {"item": item_id, "content": f"capacity {n}"})

    workers = [threading.Thread(target=hammer, args=(token,)) for token in tokens]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    queue.put((dict(recorder.latency), dict(recorder.errors)))


def main() -> None:
    p = parser(__doc__.splitlines()[0], data=False)
    p.add_argument("--candidates", type=int, default=200)
    p.add_argument("--duration", type=float, default=60.0, help="seconds each candidate works (default 60)")
    p.add_argument("--capacity-seconds", type=float, default=20.0)
    p.add_argument("--capacity-clients", type=int, default=4, help="client processes in phase 2 (default 4)")
    p.add_argument("--capacity-threads", type=int, default=8, help="threads per client process (default 8)")
    p.add_argument(
        "--web-processes",
        type=int,
        default=3,
        help="gunicorn processes (default 3: requests also wait on PostgreSQL, so 3 keep 2 cores busy)",
    )
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--worker-nice", type=int, default=10,
                   help="CPU niceness of the workers, which share this machine with the web server "
                        "(default 10, as 'mlinterview serve' does; 0 to compare)")  # fmt: skip
    args = p.parse_args()

    from mlinterview.exercises import load_exercise
    from mlinterview.exercises.model import default_exercises_dir

    solution = load_exercise(default_exercises_dir() / "confusion-matrix").solution_source
    stack = Stack(args.web_processes, args.workers, args.worker_nice)
    # A SIGTERM (a timeout, Ctrl-C from a supervisor) still stops the servers this started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        stack.start()
        spare_count = args.capacity_clients * args.capacity_threads
        spec = json.loads(
            stack.shell(SETUP.format(count=args.candidates + spare_count)).strip().splitlines()[-1]
        )
        tokens, items = spec["tokens"][: args.candidates], spec["items"]
        spare = spec["tokens"][args.candidates :]

        say(f"phase 1: {args.candidates} candidates for {args.duration:g} s")
        recorder = Recorder()
        acked: dict[tuple[str, int], list[str]] = defaultdict(list)
        threads = [
            threading.Thread(
                target=candidate,
                args=(stack.url, t, items, solution, args.duration, 10.0 * i / len(tokens), recorder, acked),
            )
            for i, t in enumerate(tokens)
        ]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        phase1_seconds = time.monotonic() - started

        say("waiting for the workers to score every submitted answer")
        expected = args.candidates * len(items)
        deadline = time.monotonic() + 900
        done = 0
        while time.monotonic() < deadline:
            done = stack.sql("SELECT COUNT(*) FROM assessments_score WHERE status = 'done'")[0][0]
            if done >= expected:
                break
            time.sleep(2)
        waits = stack.sql(
            "SELECT i.kind, EXTRACT(EPOCH FROM (s.scored_at - t.submitted_at)) FROM assessments_score s"
            " JOIN assessments_answer a ON s.answer_id = a.id"
            " JOIN assessments_attempt t ON a.attempt_id = t.id"
            " JOIN assessments_assessmentitem i ON a.item_id = i.id WHERE s.status = 'done'"
        )
        wait_by_kind: dict[str, list[float]] = defaultdict(list)
        for kind, seconds in waits:
            wait_by_kind[kind].append(float(seconds))

        say("checking every acknowledged autosave against the database")
        stored = stack.sql(
            "SELECT v.token_hash, a.item_id, a.content,"
            " ARRAY(SELECT r.content FROM assessments_answerrevision r WHERE r.answer_id = a.id)"
            " FROM assessments_answer a JOIN assessments_attempt t ON a.attempt_id = t.id"
            " JOIN assessments_invitation v ON t.invitation_id = v.id"
        )
        lost = _lost(stack, acked, stored)

        clients = args.capacity_clients * args.capacity_threads
        say(f"phase 2: capacity, {clients} clients for {args.capacity_seconds:g} s")
        text_item = next(i for i, kind in items if kind == "question")
        queue: Any = multiprocessing.Queue()
        procs = [
            multiprocessing.Process(
                target=_capacity_process,
                args=(
                    stack.url,
                    spare[n * args.capacity_threads : (n + 1) * args.capacity_threads],
                    text_item,
                    args.capacity_seconds,
                    queue,
                ),
            )
            for n in range(args.capacity_clients)
        ]
        for pr in procs:
            pr.start()
        capacity: dict[str, list[float]] = defaultdict(list)
        capacity_errors: dict[str, int] = defaultdict(int)
        for _ in procs:
            latency, errors = queue.get(timeout=args.capacity_seconds + 120)
            for k, v in latency.items():
                capacity[k] += v
            for k, v in errors.items():
                capacity_errors[k] += v
        for pr in procs:
            pr.join()
    finally:
        stack.stop()

    rows = []
    for endpoint, values in sorted(recorder.latency.items()):
        rows.append([endpoint, len(values), recorder.errors.get(endpoint, 0), _pct(values, 0.5) * 1000,
                     _pct(values, 0.95) * 1000, _pct(values, 0.99) * 1000])  # fmt: skip
    print(f"phase 1: {args.candidates} candidates, {phase1_seconds:.0f} s")
    print(table(["endpoint", "requests", "errors", "p50 ms", "p95 ms", "p99 ms"], rows))
    phase1_rate = sum(len(v) for v in recorder.latency.values()) / phase1_seconds
    print(f"\nrequests/s in phase 1: {phase1_rate:.1f}; scored {done} of {expected} answers")
    for endpoint, codes in sorted(recorder.statuses.items()):
        print(f"  {endpoint} errors by HTTP status (0: no answer): {dict(codes)}")
    wait_rows = [
        [k, len(v), statistics.median(v), _pct(v, 0.95), max(v)] for k, v in sorted(wait_by_kind.items())
    ]
    print(table(["answers", "scored", "submit->scored p50 s", "p95 s", "max s"], wait_rows))
    print(f"answers lost: {lost}")
    total = sum(len(v) for v in capacity.values())
    rate = total / args.capacity_seconds
    cap_rows = [[k, len(v), capacity_errors.get(k, 0), _pct(v, 0.5) * 1000, _pct(v, 0.95) * 1000]
                for k, v in sorted(capacity.items())]  # fmt: skip
    print(f"\nphase 2: capacity, {rate:.1f} requests/s sustained over {args.capacity_seconds:g} s")
    print(table(["endpoint", "requests", "errors", "p50 ms", "p95 ms"], cap_rows))
    autosave_p95 = _pct(recorder.latency.get("autosave", []), 0.95) * 1000
    met = autosave_p95 <= BAR["autosave_p95_ms"] and rate >= BAR["requests_per_second"] and lost == 0
    print(f"\nbars: autosave p95 {autosave_p95:.0f} ms (<= 100), {rate:.0f} req/s (>= 300), lost {lost} (0): "
          f"{'met' if met else 'NOT met'}")  # fmt: skip
    write(
        "load",
        {
            "candidates": args.candidates,
            "phase1": {
                "seconds": phase1_seconds,
                "requests_per_second": phase1_rate,
                "endpoints": {
                    r[0]: dict(zip(["requests", "errors", "p50_ms", "p95_ms", "p99_ms"], r[1:], strict=True))
                    for r in rows
                },  # fmt: skip
                "scored": done,
                "expected": expected,
                "submit_to_scored_seconds": {
                    r[0]: {"p50": r[2], "p95": r[3], "max": r[4]} for r in wait_rows
                },
                "answers_lost": lost,
            },
            "capacity": {
                "requests_per_second": rate,
                "seconds": args.capacity_seconds,
                "endpoints": {
                    r[0]: {"requests": r[1], "errors": r[2], "p50_ms": r[3], "p95_ms": r[4]} for r in cap_rows
                },
            },  # fmt: skip
            "bars": BAR,
            "meets_bars": met,
        },
        args.out,
    )


def _lost(stack: Stack, acked: dict[tuple[str, int], list[str]], stored: list[tuple[Any, ...]]) -> int:
    """Acknowledged saves missing from the database, plus answers not holding their last save."""
    import hashlib

    by_key = {(row[0], row[1]): (row[2], set(row[3])) for row in stored}
    lost = 0
    for (token, item_id), contents in acked.items():
        digest = hashlib.sha256(token.encode()).hexdigest()
        final, revisions = by_key.get((digest, item_id), ("", set()))
        lost += sum(1 for c in set(contents) if c not in revisions)
        if contents and final != contents[-1]:
            lost += 1
    return lost


if __name__ == "__main__":
    main()
