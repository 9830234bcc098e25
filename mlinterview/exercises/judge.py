"""Judge a candidate's solution: one sandbox run for all cases, comparison in the parent.

The score is the share of points of the tests passed. Feedback for public tests shows the call,
the expected value and what came back; hidden tests say only whether they passed and a short
reason ("wrong value", "raised ValueError", "timed out").
"""

from __future__ import annotations

import copy
import json
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from mlinterview.exercises import codec
from mlinterview.exercises.compare import category, compare
from mlinterview.exercises.model import Case, Exercise, Metric, _short, invoke

HERE = Path(__file__).resolve().parent
HARNESS = (HERE / "harness.py").read_text()
CODEC = (HERE / "codec.py").read_text()
MAX_SOURCE = 100_000
CASE_SECONDS = 2.0
# Wall-clock seconds solution.py may take to load (its top-level code and imports; numpy and pandas
# load in well under a second). Without this budget a ``time.sleep`` at the top of the file held
# the sandbox, and a worker, for the run's whole wall-clock limit (issue 14, finding 3).
IMPORT_SECONDS = 5.0
# Seconds each test of a PyTorch exercise may take: the first torch.optim optimizer a process
# builds imports torch._dynamo (about 1.3 s of CPU, several seconds of wall time on a busy
# machine), which a correct solution must not lose its first test to.
PYTORCH_CASE_SECONDS = 10.0


def case_budget(exercise: Exercise) -> float:
    """Seconds each test may take, unless the case sets its own."""
    return PYTORCH_CASE_SECONDS if exercise.meta.kind == "pytorch" else CASE_SECONDS


@dataclass
class TestResult:
    name: str
    points: float
    max_points: float
    passed: bool
    public: bool
    message: str
    # A modelling case's judgement, for reviewers: the metric's name and value on the case's rows
    # (None when there were no usable predictions), its two thresholds and the share of points.
    metric: dict[str, Any] | None = None


@dataclass
class JudgeResult:
    exercise: str
    score: float  # 0..1
    points: float
    max_points: float
    verdict: str  # the sandbox verdict of the run
    message: str
    sandboxed: bool
    tests: list[TestResult] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Judge:
    """Runs solutions in a sandbox (``mlinterview.sandbox.Sandbox``), thread-safe."""

    def __init__(self, sandbox: Any, *, import_seconds: float = IMPORT_SECONDS) -> None:
        self.sandbox = sandbox
        self.import_seconds = import_seconds
        self._expected_lock = threading.Lock()
        self._expected: dict[tuple[str, str], tuple[bool, Any, str]] = {}
        # Each case's arguments as JSON, encoded once: a case of a few hundred thousand values took
        # seconds to encode on every judgement. Keyed by the case object, kept alive here.
        self._encoded: dict[int, tuple[Case, str]] = {}

    def import_budget(self, exercise: Exercise) -> float:
        """Seconds solution.py may take to load: the exercise's own budget (scikit-learn takes a
        few seconds to import on a busy machine) or the judge's."""
        return exercise.meta.import_seconds or self.import_seconds

    def expected(self, exercise: Exercise, case: Case) -> tuple[bool, Any, str]:
        """(raised?, value or exception name, "") from the reference, computed once in the parent."""
        key = (exercise.slug, case.name)
        with self._expected_lock:
            if key not in self._expected:
                try:
                    value = invoke(exercise.reference, exercise.meta.protocol, copy.deepcopy(case.args))
                    self._expected[key] = (False, codec.decode(codec.encode(value)), "")
                except Exception as exc:  # noqa: BLE001 - the reference may be meant to raise
                    self._expected[key] = (True, type(exc).__name__, str(exc))
            return self._expected[key]

    def judge(self, exercise: Exercise, source: str, *, public_only: bool = False) -> JudgeResult:
        from mlinterview.sandbox import Limits, RunRequest, Verdict

        cases = [c for c in exercise.cases if c.public or not public_only]
        max_points = float(sum(c.points for c in cases))
        if len(source) > MAX_SOURCE:
            return self._all_failed(
                exercise,
                cases,
                max_points,
                "source_too_large",
                f"The solution is longer than {MAX_SOURCE:,} characters.",
            )
        spec_json = self.harness_spec(exercise, cases)
        limits = Limits(
            memory_mb=exercise.meta.memory_mb,
            cpu_seconds=exercise.meta.cpu_seconds,
            wall_seconds=exercise.meta.cpu_seconds * 2 + 2,
            output_bytes=64_000,
        )
        run = self.sandbox.run(
            RunRequest(
                {
                    "main.py": HARNESS,
                    "codec.py": CODEC,
                    "solution.py": source,
                    "cases.json": spec_json,
                },
                "main.py",
                limits=limits,
                collect=["results.json"],
            )
        )
        timings = {
            "wall_seconds": run.wall_seconds,
            "cpu_seconds": run.cpu_seconds,
            "peak_memory_mb": round(run.peak_memory_bytes / 2**20, 1),
        }
        raw = run.outputs.get("results.json")
        if run.verdict != Verdict.ok or raw is None:
            reason = {
                Verdict.time_limit: "the program ran out of time",
                Verdict.memory_limit: "the program used too much memory",
                Verdict.output_limit: "the program printed too much output",
                Verdict.runtime_error: "the program crashed",
                Verdict.sandbox_error: "the sandbox failed",
            }.get(run.verdict, "no results were produced")
            result = self._all_failed(
                exercise, cases, max_points, str(run.verdict.value), reason.capitalize() + "."
            )
            result.sandboxed, result.timings = run.sandboxed, timings
            return result
        # The results file is written inside the candidate's process: any JSON at all may be there.
        try:
            results = json.loads(raw)
        except (ValueError, RecursionError):  # not UTF-8 or not JSON; nested beyond the parser's reach
            results = None
        if not isinstance(results, dict) or not isinstance(results.get("cases", {}), dict):
            unreadable = self._all_failed(exercise, cases, max_points, "ok", "The results could not be read.")
            unreadable.sandboxed, unreadable.timings = run.sandboxed, timings
            return unreadable
        if "import_timeout" in results:
            message = (
                f"Your code took longer than {self.import_budget(exercise):g} s to load: the code at the top "
                "level of the file runs when it is loaded, so keep slow work inside the function."
            )
            failed = self._all_failed(exercise, cases, max_points, Verdict.time_limit.value, message)
            failed.sandboxed, failed.timings = run.sandboxed, timings
            return failed
        if "import_error" in results:
            message = f"Your code could not be loaded: {results['import_error']}"
            failed = self._all_failed(exercise, cases, max_points, "ok", message)
            failed.sandboxed, failed.timings = run.sandboxed, timings
            return failed
        tests = [
            self._grade(exercise, case, results.get("cases", {}).get(str(i))) for i, case in enumerate(cases)
        ]
        points = float(sum(t.points for t in tests))
        passed = sum(t.passed for t in tests)
        return JudgeResult(
            exercise=exercise.slug,
            score=points / max_points if max_points else 0.0,
            points=points,
            max_points=max_points,
            verdict=run.verdict.value,
            message=f"{passed} of {len(tests)} tests passed.",
            sandboxed=run.sandboxed,
            tests=tests,
            timings=timings,
        )

    def harness_spec(self, exercise: Exercise, cases: list[Case]) -> str:
        """The ``cases.json`` the harness reads: the function, the time budgets, and per case a
        number, its inputs and its own budget if it has one (never a name or an expected value)."""
        spec = {
            "function": exercise.function,
            "protocol": exercise.meta.protocol,
            "case_seconds": case_budget(exercise),
            "import_seconds": self.import_budget(exercise),
        }
        # The same JSON as json.dumps(spec | {"cases": [...]}), with each case's arguments spliced
        # in from the cache.
        cases_json = ", ".join(
            json.dumps(_case_spec(i, c))[:-1] + ', "args": ' + self._encoded_args(c) + "}"
            for i, c in enumerate(cases)
        )
        return json.dumps(spec)[:-1] + ', "cases": [' + cases_json + "]}"

    def _encoded_args(self, case: Case) -> str:
        with self._expected_lock:
            entry = self._encoded.get(id(case))
        if entry is None or entry[0] is not case:
            entry = (case, json.dumps([codec.encode(a) for a in case.args]))
            with self._expected_lock:
                self._encoded[id(case)] = entry
        return entry[1]

    def _grade(self, exercise: Exercise, case: Case, outcome: Any) -> TestResult:
        if case.metric is not None:
            return self._grade_metric(case, case.metric, outcome)
        ok, detail = self._check(exercise, case, outcome)
        if ok:
            message = ""
        elif case.public:
            message = f"{_short_call(exercise, case)}: {detail}"
        else:
            message = _hidden_reason(detail)
        return TestResult(
            name=case.name,
            points=float(case.points) if ok else 0.0,
            max_points=float(case.points),
            passed=ok,
            public=case.public,
            message=message,
        )

    @staticmethod
    def _grade_metric(case: Case, metric: Metric, outcome: Any) -> TestResult:
        """A modelling case: the metric on the hidden labels decides the share of points. The
        metric's value and the thresholds are shown for hidden cases too (they reveal no label)."""
        value, problem = metric_value(metric, outcome)
        credit = 0.0 if value is None else metric.credit(value)
        return TestResult(
            name=case.name,
            points=round(case.points * credit, 3),
            max_points=float(case.points),
            passed=credit >= 1.0,
            public=case.public,
            message=problem if value is None else metric.describe(value),
            metric={
                "name": metric.name,
                "value": value,
                "none_at": metric.none_at,
                "full_at": metric.full_at,
                "credit": credit,
            },
        )

    def _check(self, exercise: Exercise, case: Case, outcome: Any) -> tuple[bool, str]:
        if not isinstance(outcome, dict):
            return False, "no result"
        raised = outcome.get("error")
        if case.raises is not None:
            if raised == case.raises:
                return True, ""
            return False, f"expected it to raise {case.raises}" + (f", it raised {raised}" if raised else "")
        if raised == "Timeout":
            return False, "timed out"
        if raised:
            return False, f"raised {raised}: {outcome.get('message', '')}"
        try:
            got = codec.decode(outcome.get("value"))
        except codec.CodecError:
            return False, "wrong type: the result could not be read"
        if case.check is not None:
            return case.check(copy.deepcopy(case.args), got)
        raised_ref, expected, _ = self.expected(exercise, case)
        if raised_ref:
            return False, f"expected it to raise {expected}"
        return compare(expected, got, rtol=case.rtol, atol=case.atol)

    @staticmethod
    def _all_failed(
        exercise: Exercise, cases: list[Case], max_points: float, verdict: str, message: str
    ) -> JudgeResult:
        tests = [
            TestResult(
                name=c.name,
                points=0.0,
                max_points=float(c.points),
                passed=False,
                public=c.public,
                message=message,
            )
            for c in cases
        ]
        return JudgeResult(
            exercise=exercise.slug,
            score=0.0,
            points=0.0,
            max_points=max_points,
            verdict=verdict,
            message=message,
            sandboxed=True,
            tests=tests,
        )


def _case_spec(index: int, case: Case) -> dict[str, Any]:
    """What the sandbox learns of a case: a number, the inputs (added by the judge, see
    :meth:`Judge._encoded_args`) and, if it has its own, its time budget. Never its name or an
    expected value."""
    spec: dict[str, Any] = {"id": str(index)}
    if case.seconds is not None:
        spec["seconds"] = case.seconds
    return spec


def metric_value(metric: Metric, outcome: Any) -> tuple[float | None, str]:
    """The metric of a run's predictions, or None and why there is none."""
    if not isinstance(outcome, dict):
        return None, "no result"
    if outcome.get("error") == "Timeout":
        return None, "timed out"
    if outcome.get("error"):
        return None, f"raised {outcome['error']}"
    try:
        predictions = codec.decode(outcome.get("value"))
    except codec.CodecError:
        return None, "wrong type: the predictions could not be read"
    return score_predictions(metric, predictions)


def score_predictions(metric: Metric, predictions: Any) -> tuple[float | None, str]:
    import numpy as np

    try:
        values = np.asarray(predictions, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        return None, "wrong type: expected one number per row"
    if values.shape[0] != len(metric.truth):
        return None, f"wrong shape: {values.shape[0]} predictions for {len(metric.truth)} rows"
    if not np.all(np.isfinite(values)):
        return None, "wrong value: a prediction is not a finite number"
    return float(metric.score(metric.truth, values)), ""


def _short_call(exercise: Exercise, case: Case) -> str:
    return f"{exercise.function}({', '.join(_short(a, 60) for a in case.args)})"


def _hidden_reason(detail: str) -> str:
    if detail.startswith("raised "):
        return detail.split(":", 1)[0]
    if detail in ("timed out", "no result") or detail.startswith("expected it to raise"):
        return "expected an exception" if detail.startswith("expected it") else detail
    return category(detail)
