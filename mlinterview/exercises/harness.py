"""The program that runs inside the sandbox: it calls the candidate's function on each input.

It reads ``cases.json`` (inputs only: no expected values ever enter the sandbox), imports the
candidate's ``solution.py``, calls the function once per case with a time budget, and writes
``results.json`` with each returned value encoded by ``codec`` (or the exception's class and
message). The parent compares. Nothing the candidate prints matters.
"""

from __future__ import annotations

import importlib.util
import json
import signal
import sys
import traceback
from typing import Any

import codec  # copied next to this file in the sandbox

MESSAGE_LIMIT = 300


class CaseTimeout(BaseException):
    """Raised when one case runs over its budget (a BaseException: a bare except will not eat it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise CaseTimeout()


def main() -> int:
    with open("cases.json", encoding="utf-8") as handle:
        spec = json.load(handle)
    function_name = spec["function"]
    budget = float(spec["case_seconds"])
    results: dict[str, Any] = {"cases": {}}
    try:
        module_spec = importlib.util.spec_from_file_location("solution", "solution.py")
        assert module_spec is not None and module_spec.loader is not None
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        function = getattr(module, function_name)
    except BaseException as exc:  # noqa: BLE001 - report anything that stops the import
        results["import_error"] = f"{type(exc).__name__}: {str(exc)[:MESSAGE_LIMIT]}"
        results["traceback"] = traceback.format_exc(limit=3)[-2000:]
        _write(results)
        return 0
    signal.signal(signal.SIGALRM, _on_alarm)
    for case in spec["cases"]:
        args = [codec.decode(a) for a in case["args"]]
        outcome: dict[str, Any]
        try:
            signal.setitimer(signal.ITIMER_REAL, budget)
            try:
                value = function(*args)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            outcome = {"value": codec.encode(value)}
        except CaseTimeout:
            outcome = {"error": "Timeout", "message": f"took longer than {budget:g} s"}
        except RecursionError:
            outcome = {"error": "RecursionError", "message": "maximum recursion depth exceeded"}
        except Exception as exc:  # noqa: BLE001 - the candidate's exception is the result
            outcome = {"error": type(exc).__name__, "message": str(exc)[:MESSAGE_LIMIT]}
        results["cases"][case["id"]] = outcome
    _write(results)
    return 0


def _write(results: dict[str, Any]) -> None:
    with open("results.json", "w", encoding="utf-8") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    sys.setrecursionlimit(5000)
    sys.exit(main())
