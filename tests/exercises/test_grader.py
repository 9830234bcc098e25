"""The judge as the grader of code answers: the judge's own result, on the product scale, versioned."""

from __future__ import annotations

import pytest

from mlinterview.exercises.grader import LOCAL_JUDGE, JudgeGrader, judge_version
from mlinterview.scoring.graders import GradeRequest, GraderError, Registry

ROC = "roc-auc"


def _without_timings(evidence: dict) -> dict:
    return {k: v for k, v in evidence.items() if k != "timings"}


@pytest.mark.sandbox
def test_the_judge_grader_gives_the_judges_result(judge, exercises):
    exercise = exercises[ROC]
    asked: list[str] = []

    def find(slug: str):
        asked.append(slug)
        return exercises[slug]

    grader = JudgeGrader(judge=lambda: judge, exercise=find)
    registry = Registry()
    registry.register(grader, primary=True)
    right = registry.grade(GradeRequest.code(ROC, exercise.solution_source))
    assert (right.value, right.grader, right.version) == (1.0, LOCAL_JUDGE, judge_version())
    assert _without_timings(right.evidence) == _without_timings(
        judge.judge(exercise, exercise.solution_source).to_dict()
    )
    wrong_source = (exercise.folder / "wrong" / "no_single_class_check.py").read_text()
    wrong = registry.grade(GradeRequest.code(ROC, wrong_source))
    expected = judge.judge(exercise, wrong_source).to_dict()
    assert 0.0 < wrong.value == expected["score"] < 1.0
    assert _without_timings(wrong.evidence) == _without_timings(expected)
    assert asked == [ROC, ROC]


def test_the_judge_grader_refuses_text_and_builds_nothing_to_say_its_version():
    grader = JudgeGrader(judge=lambda: pytest.fail("no judge"), exercise=lambda slug: pytest.fail("none"))
    assert grader.version == judge_version() and grader.version.startswith("judge-")
    assert len(grader.version) == len("judge-") + 12
    with pytest.raises(GraderError, match="grades code answers only"):
        grader.grade(GradeRequest(kind="text", answer="an answer", question=object()))
    registry = Registry()
    registry.register(grader, primary=True)
    with pytest.raises(GraderError, match="primary for 'text'"):
        registry.primary_for("text")
