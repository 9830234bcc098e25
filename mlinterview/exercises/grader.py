"""The judge as a grader of code answers (``mlinterview.scoring.graders``), with no Django.

Whoever configures the judge (its sandbox, the exercises on offer) builds a :class:`JudgeGrader`
from two callables and registers it (the web app does so in ``web/assessments/grading.py``):

    by_slug = {e.slug: e for e in load_exercises()}
    graders.register(JudgeGrader(judge=lambda: shared_judge, exercise=by_slug.__getitem__), primary=True)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from mlinterview.exercises.judge import Judge
from mlinterview.exercises.model import Exercise
from mlinterview.scoring.graders import CODE, Grade, GradeRequest, GraderError

LOCAL_JUDGE = "local-judge"
# What decides a verdict besides the exercise itself: the judge, the harness run in the sandbox,
# the codec between them and the comparison of values.
JUDGE_FILES = ("judge.py", "harness.py", "codec.py", "compare.py")


@lru_cache(maxsize=1)
def judge_version() -> str:
    """A short hash of the judge's code: it changes whenever the way answers are judged may."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in JUDGE_FILES:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
    return f"judge-{digest.hexdigest()[:12]}"


class JudgeGrader:
    """Runs a code answer against its exercise's tests; the value is the share of points passed.

    ``judge`` returns the (shared) judge and ``exercise`` looks an exercise up by slug (raising
    the caller's own error for an unknown one); both are called only when an answer is graded.
    The evidence is the judge's result as a dict.
    """

    name = LOCAL_JUDGE
    kinds = frozenset({CODE})

    def __init__(self, judge: Callable[[], Judge], exercise: Callable[[str], Exercise]) -> None:
        self._judge = judge
        self._exercise = exercise

    @property
    def version(self) -> str:
        return judge_version()

    def grade(self, request: GradeRequest) -> Grade:
        if request.kind != CODE or request.exercise is None:
            raise GraderError(f"Grader {self.name!r} grades code answers only.")
        result = self._judge().judge(self._exercise(request.exercise), request.answer)
        return Grade(
            value=float(result.score), evidence=dict(result.to_dict()), grader=self.name, version=self.version
        )
