"""Check exercise content without a sandbox (the content is ours and trusted, reviewed like code).

For each exercise: the reference solution matches every hand-written expectation and raises
where a test says it must; each edge case the statement promises (``edges.py``) is the input of at
least one hidden test; every wrong solution fails at least one hidden test. Candidates' code
never goes through this: it only ever runs in the sandbox.
"""

from __future__ import annotations

import copy
from typing import Any

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


def _passes(exercise: Exercise, function: Any, case: Case) -> tuple[bool, str]:
    raised, got = _run(function, case, exercise.meta.protocol)
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
        ref_raised, expected = _run(exercise.reference, case, exercise.meta.protocol)
        if ref_raised:
            return False, f"the reference raised {ref_raised}"
    return compare(expected, got, rtol=case.rtol, atol=case.atol)


def _load(source: str, name: str, function: str) -> Any:
    namespace: dict[str, Any] = {"__name__": name}
    exec(compile(source, name, "exec"), namespace)  # noqa: S102 - trusted content
    return namespace[function]


def check_exercise(exercise: Exercise) -> list[str]:
    problems = []
    if not exercise.wrong:
        problems.append(f"{exercise.slug}: no wrong solutions")
    if not any(c.public for c in exercise.cases) or all(c.public for c in exercise.cases):
        problems.append(f"{exercise.slug}: needs both public and hidden tests")
    for case in exercise.cases:
        ok, reason = _passes(exercise, exercise.reference, case)
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
    for name, source in exercise.wrong.items():
        function = _load(source, f"wrong_{name}", exercise.function)
        if all(_passes(exercise, function, c)[0] for c in exercise.cases if not c.public):
            problems.append(f"{exercise.slug}: wrong solution {name!r} passes every hidden test")
    return problems
