"""The program that runs inside the sandbox: it calls the candidate's function on each input.

It reads ``cases.json`` (inputs only: no expected values ever enter the sandbox), imports the
candidate's ``solution.py`` within its own time budget, calls the function once per case with a
time budget, and writes ``results.json`` with each returned value encoded by ``codec`` (or the
exception's class and message). The parent compares. Nothing the candidate prints matters.

The import is timed by a watchdog thread rather than an alarm signal: the module being imported
runs in the main thread and can catch an exception, ignore or block a signal, but it cannot stop
another thread from writing the verdict and ending the process (the sandbox's wall-clock limit
remains the last resort).
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sys
import threading
import traceback
from typing import Any

import codec  # copied next to this file in the sandbox

MESSAGE_LIMIT = 300


class CaseTimeout(BaseException):
    """Raised when one case runs over its budget (a BaseException: a bare except will not eat it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise CaseTimeout()


class ImportWatchdog:
    """Ends the process with an "import took too long" result unless ``loaded()`` is called in
    time. What it needs is bound before the candidate's code runs, so that code cannot swap it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._loaded = threading.Event()
        verdict = {
            "cases": {},
            "import_timeout": seconds,
            "import_error": f"Timeout: the module took longer than {seconds:g} s to load",
        }
        where = (os.path.abspath("results.json"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        self._thread = threading.Thread(
            target=self._watch,
            args=(where, json.dumps(verdict).encode(), os.open, os.write, os.close, os._exit),
            name="import-watchdog",
            daemon=True,
        )

    def start(self) -> None:
        self._thread.start()

    def loaded(self) -> None:
        with self._lock:  # waits, never returns, if the watchdog has begun to end the run
            self._loaded.set()

    def _watch(
        self, where: tuple[str, int], verdict: bytes, open_: Any, write: Any, close: Any, exit_: Any
    ) -> None:
        if self._loaded.wait(self.seconds):
            return
        with self._lock:
            if self._loaded.is_set():
                return
            fd = open_(where[0], where[1], 0o600)
            write(fd, verdict)
            close(fd)
            exit_(0)


def main() -> int:
    with open("cases.json", encoding="utf-8") as handle:
        spec = json.load(handle)
    function_name = spec["function"]
    budget = float(spec["case_seconds"])
    results: dict[str, Any] = {"cases": {}}
    watchdog = ImportWatchdog(float(spec["import_seconds"]))
    watchdog.start()
    try:
        module_spec = importlib.util.spec_from_file_location("solution", "solution.py")
        assert module_spec is not None and module_spec.loader is not None
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        function = getattr(module, function_name)
    except BaseException as exc:  # noqa: BLE001 - report anything that stops the import
        watchdog.loaded()
        results["import_error"] = f"{type(exc).__name__}: {str(exc)[:MESSAGE_LIMIT]}"
        results["traceback"] = traceback.format_exc(limit=3)[-2000:]
        _write(results)
        return 0
    watchdog.loaded()
    signal.signal(signal.SIGALRM, _on_alarm)
    protocol = spec.get("protocol", "function")
    for case in spec["cases"]:
        args = [codec.decode(a, as_torch=True) for a in case["args"]]  # tensors as torch tensors
        seconds = float(case.get("seconds") or budget)
        outcome: dict[str, Any]
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            try:
                value = _invoke(function, protocol, args)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            outcome = {"value": codec.encode(value)}
        except CaseTimeout:
            outcome = {"error": "Timeout", "message": f"took longer than {seconds:g} s"}
        except RecursionError:
            outcome = {"error": "RecursionError", "message": "maximum recursion depth exceeded"}
        except Exception as exc:  # noqa: BLE001 - the candidate's exception is the result
            outcome = {"error": type(exc).__name__, "message": str(exc)[:MESSAGE_LIMIT]}
        results["cases"][case["id"]] = outcome
    _write(results)
    return 0


def _invoke(function: Any, protocol: str, args: list[Any]) -> Any:
    """The case's call: the function itself, or for an estimator fit on the training part and
    predict on the test part (the same rule as ``model.invoke``, which this file cannot import)."""
    if protocol == "estimator":
        X_train, y_train, X_test = args
        model = function()
        model.fit(X_train, y_train)
        return model.predict(X_test)
    return function(*args)


def _write(results: dict[str, Any]) -> None:
    with open("results.json", "w", encoding="utf-8") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    sys.setrecursionlimit(5000)
    status = main()
    # Leave at once: a thread the solution started must not keep the run (and a worker) waiting.
    os._exit(status)
