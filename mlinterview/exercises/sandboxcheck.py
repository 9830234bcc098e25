"""Check exercise content through the real sandbox: what ``mlinterview exercises check --sandbox``
runs, and what the test suite runs on every exercise in CI.

The reference and the wrong solutions are judged the way a candidate's code is. The reference must
score full marks with every test reported; each wrong solution must run to the end (judged on its
answers, not stopped by a limit or a broken sandbox), fail at least one hidden test because of the
value it returned (a wrong value, shape or type, a missing or different exception; for a modelling
test, a metric short of full credit), and fail exactly the hidden tests the self-check in the parent
found it fails (``selfcheck``), so the two judges agree.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from mlinterview.exercises.model import Exercise
from mlinterview.exercises.selfcheck import SelfCheck, self_check

# How a test a solution answered wrongly is described (the judge's messages for a value that does
# not match); anything else (a timeout, a crash of the harness) is not a failure by value.
ANSWER_REASONS = ("wrong value", "wrong shape", "wrong type", "expected an exception", "raised ")


def judge_all(judge: Any, exercise: Exercise, sources: list[str], slots: int = 2) -> list[Any]:
    """Judge several solutions of one exercise, ``slots`` at a time (the judge is thread-safe and the
    sandbox runs that many at once); results in the order of ``sources``."""
    with ThreadPoolExecutor(max_workers=slots) as pool:
        return list(pool.map(lambda source: judge.judge(exercise, source), sources))


def sandbox_problems(exercise: Exercise, judge: Any, check: SelfCheck | None = None) -> list[str]:
    """What judging the exercise's own solutions in the sandbox finds wrong; empty when all is well."""
    check = check if check is not None else self_check(exercise)
    slug = exercise.slug
    reference, *judged = judge_all(judge, exercise, [exercise.solution_source, *exercise.wrong.values()])
    problems = []
    if reference.verdict != "ok" or not reference.sandboxed or reference.score != 1.0:
        why = [reference.verdict, reference.message]
        why += [f"{t.name!r}: {t.message}" for t in reference.tests if not t.passed]
        problems.append(
            f"{slug}: the reference scores {reference.score:.0%} in the sandbox "
            f"({'; '.join(part for part in why if part)})"
        )
    elif [t.name for t in reference.tests] != [c.name for c in exercise.cases]:
        problems.append(f"{slug}: the sandbox did not report every test of the reference")
    metrics = {c.name: c.metric for c in exercise.cases if not c.public and c.metric is not None}
    for name, result in zip(exercise.wrong, judged, strict=True):
        if result.verdict != "ok" or not result.sandboxed:
            problems.append(
                f"{slug}: wrong solution {name!r} did not run to the end ({result.verdict}: {result.message})"
            )
            continue
        failed = {t.name: t for t in result.tests if not t.public and not t.passed}
        if not failed:
            problems.append(f"{slug}: wrong solution {name!r} passes every hidden test in the sandbox")
            continue
        for test in failed.values():
            metric = metrics.get(test.name)
            if metric is not None:
                by_value = test.message.startswith(metric.name + " ") and test.points < test.max_points
            else:
                by_value = test.message.startswith(ANSWER_REASONS) and test.points == 0
            if not by_value:
                problems.append(
                    f"{slug}: wrong solution {name!r} fails {test.name!r} other than by its answer: "
                    f"{test.message}"
                )
        expected = check.failures.get(name, set())
        if set(failed) != expected:
            problems.append(
                f"{slug}: wrong solution {name!r} fails {sorted(failed)} in the sandbox but "
                f"{sorted(expected)} in the parent"
            )
    return problems
