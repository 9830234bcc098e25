"""Code that stalls while it is loaded (issue 14, finding 3): the per-case timer starts only after
the import, so ``time.sleep`` at the top of solution.py used to hold the sandbox, and with it a
worker, for the run's whole wall-clock limit. The harness times the import too, ends it quickly
and says why, however the solution tries to dodge the timer.
"""

from __future__ import annotations

import time

import pytest

from mlinterview.exercises import Judge
from mlinterview.exercises.judge import IMPORT_SECONDS

pytestmark = pytest.mark.sandbox

ROC = "roc-auc"
FUNCTION = "\ndef roc_auc(y_true, scores):\n    return 0.5\n"


@pytest.fixture(scope="module")
def quick_judge(sandbox):
    """A judge allowing one second for the import, so the dodges below are cheap to try."""
    return Judge(sandbox, import_seconds=1.0)


def _judged(judge, exercise, source):
    started = time.monotonic()
    result = judge.judge(exercise, source, public_only=True)
    return result, time.monotonic() - started


def test_sleeping_at_import_ends_at_the_import_limit_with_a_clear_verdict(judge, exercises):
    exercise = exercises[ROC]
    wall = exercise.meta.cpu_seconds * 2 + 2  # the run's wall-clock limit (judge.py)
    assert wall / 2 >= IMPORT_SECONDS
    result, took = _judged(judge, exercise, "import time\ntime.sleep(600)\n" + FUNCTION)
    assert result.verdict == "time_limit" and result.score == 0.0
    assert f"longer than {IMPORT_SECONDS:g} s to load" in result.message
    assert all(t.message == result.message for t in result.tests)
    # Ended by the import timer, well before the sandbox's wall clock would have stopped it.
    assert took < IMPORT_SECONDS + (wall - IMPORT_SECONDS) / 2, took


DODGES = {
    "catches the timeout and sleeps again": (
        "import time\ntry:\n    time.sleep(600)\nexcept BaseException:\n    time.sleep(600)\n"
    ),
    "ignores SIGALRM": (
        "import signal, time\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\ntime.sleep(600)\n"
    ),
    "blocks every signal": (
        "import signal, time\n"
        "signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals))\n"
        "time.sleep(600)\n"
    ),
    "spins in Python": "while True:\n    pass\n",
}


@pytest.mark.parametrize("source", DODGES.values(), ids=DODGES.keys())
def test_the_import_timer_cannot_be_dodged(quick_judge, exercises, source):
    result, took = _judged(quick_judge, exercises[ROC], source + FUNCTION)
    assert result.verdict == "time_limit"
    assert "longer than 1 s to load" in result.message
    assert took < 6, took


def test_a_solution_that_loads_in_time_is_judged_as_before(quick_judge, exercises):
    exercise = exercises[ROC]
    slow_but_in_time = "import time\ntime.sleep(0.2)\n" + exercise.solution_source
    result, _ = _judged(quick_judge, exercise, slow_but_in_time)
    assert result.verdict == "ok" and result.score == 1.0


def test_a_thread_left_running_does_not_hold_the_run(quick_judge, exercises):
    exercise = exercises[ROC]
    lingering = "import threading, time\nthreading.Thread(target=time.sleep, args=(600,)).start()\n"
    result, took = _judged(quick_judge, exercise, lingering + exercise.solution_source)
    assert result.verdict == "ok" and result.score == 1.0
    assert took < 6, took
