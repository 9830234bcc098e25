"""Check exercise content without a sandbox (the content is ours and trusted, reviewed like code).

For each exercise: the reference solution matches every hand-written expectation and raises
where a test says it must; each edge case the statement promises (``edges.py``) is the input of at
least one hidden test; every wrong solution fails at least one hidden test. Candidates' code
never goes through this: it only ever runs in the sandbox.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from threadpoolctl import threadpool_limits

from mlinterview.exercises import codec
from mlinterview.exercises.compare import compare
from mlinterview.exercises.judge import score_predictions
from mlinterview.exercises.model import Case, Exercise, invoke


def _run(function: Any, case: Case, protocol: str = "function") -> tuple[str | None, Any]:
    try:
        value = invoke(function, protocol, copy.deepcopy(case.args))
    except Exception as exc:  # noqa: BLE001
        return type(exc).__name__, None
    return None, codec.decode(codec.encode(value))


Outcome = tuple[str | None, Any]  # (the exception's class name or None, the value)


def _passes(
    exercise: Exercise, function: Any, case: Case, reference: Outcome | None = None
) -> tuple[bool, str]:
    """Whether ``function`` passes ``case``. ``reference`` is the reference solution's outcome on the
    case when already known (it is run here otherwise, if the case needs it)."""
    return _verdict(exercise, case, _run(function, case, exercise.meta.protocol), reference)


def _verdict(exercise: Exercise, case: Case, outcome: Outcome, reference: Outcome | None) -> tuple[bool, str]:
    raised, got = outcome
    if case.metric is not None:  # passing a modelling case means earning all its points
        if raised:
            return False, f"raised {raised}"
        value, problem = score_predictions(case.metric, got)
        if value is None:
            return False, problem
        return case.metric.credit(value) >= 1.0, case.metric.describe(value)
    if case.raises is not None:
        return raised == case.raises, f"expected {case.raises}, got {raised or 'a value'}"
    if raised:
        return False, f"raised {raised}"
    if case.check is not None:
        return case.check(copy.deepcopy(case.args), got)
    if case.has_expected:
        expected = codec.decode(codec.encode(case.expected))
    else:
        ref_raised, expected = reference or _run(exercise.reference, case, exercise.meta.protocol)
        if ref_raised:
            return False, f"the reference raised {ref_raised}"
    return compare(expected, got, rtol=case.rtol, atol=case.atol)


def _load(source: str, name: str, function: str) -> Any:
    namespace: dict[str, Any] = {"__name__": name}
    exec(compile(source, name, "exec"), namespace)  # noqa: S102 - trusted content
    return namespace[function]


@dataclass
class SelfCheck:
    problems: list[str]
    # Each wrong solution's name with the names of the hidden tests it fails.
    failures: dict[str, set[str]] = field(default_factory=dict)


def check_exercise(exercise: Exercise) -> list[str]:
    """What is wrong with the exercise's content (nothing: an empty list)."""
    return self_check(exercise).problems


def self_check(exercise: Exercise) -> SelfCheck:
    """Check the content and say which hidden tests each wrong solution fails. Every solution runs
    once per case, the reference included (its outcome is also what the others are compared to).

    The solutions run on one thread, as in the sandbox: a model's OpenMP or BLAS threads on a busy
    machine (a test run beside another) spin for their turn and took seconds where one thread
    takes a fraction of one."""
    with threadpool_limits(limits=1):
        return _self_check(exercise)


def _self_check(exercise: Exercise) -> SelfCheck:
    problems = []
    if not exercise.wrong:
        problems.append(f"{exercise.slug}: no wrong solutions")
    if not any(c.public for c in exercise.cases) or all(c.public for c in exercise.cases):
        problems.append(f"{exercise.slug}: needs both public and hidden tests")
    references = {}
    for case in exercise.cases:
        references[case.name] = outcome = _run(exercise.reference, case, exercise.meta.protocol)
        ok, reason = _verdict(exercise, case, outcome, outcome)
        if not ok:
            problems.append(f"{exercise.slug}: reference fails {case.name!r}: {reason}")
    hidden = [c for c in exercise.cases if not c.public]
    if not exercise.edges:
        problems.append(f"{exercise.slug}: declares no edge cases")
    problems.extend(
        f"{exercise.slug}: no hidden test with edge case {name!r}"
        for name, holds in exercise.edges.items()
        if not any(holds(case) for case in hidden)
    )
    failures = {}
    for name, source in exercise.wrong.items():
        function = _load(source, f"wrong_{name}", exercise.function)
        failures[name] = {c.name for c in hidden if not _passes(exercise, function, c, references[c.name])[0]}
        if not failures[name]:
            problems.append(f"{exercise.slug}: wrong solution {name!r} passes every hidden test")
    return SelfCheck(problems, failures)
