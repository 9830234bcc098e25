"""Assessment answers through the grader seam (``mlinterview.scoring.graders``).

An item's kind picks the primary grader: a question's answer is "text", an exercise's "code".
The judge's grader is registered here on first use, with the judge and exercises this app
configures (``assessments/exercises.py``). Engines load lazily: the web process never loads the
text model or touches the sandbox just to render a page.
"""

from __future__ import annotations

import threading
from typing import Any

from mlinterview.bank.schema import Question as QuestionContent
from mlinterview.scoring import graders
from mlinterview.scoring.graders import Grade, GradeRequest
from mlinterview.web.assessments import models as m

_setup_lock = threading.Lock()


def _judge_registered() -> None:
    """Register the judge as primary grader of code answers, once per registry."""
    from mlinterview.exercises.grader import LOCAL_JUDGE, JudgeGrader

    with _setup_lock:
        if LOCAL_JUDGE not in graders.names():
            from mlinterview.web.assessments import exercises

            # exercises._get raises AssessmentError for an unknown slug, as judging did before.
            graders.register(JudgeGrader(judge=exercises.get_judge, exercise=exercises._get), primary=True)


def text_request(question_data: dict[str, Any], answer: str) -> GradeRequest:
    """A text answer to a stored question version (its ``data``)."""
    return GradeRequest.text(QuestionContent.model_validate(question_data), answer)


def request_for(answer: m.Answer) -> GradeRequest:
    item = answer.item
    if item.kind == m.AssessmentItem.Kind.QUESTION:
        assert item.question_version is not None
        return text_request(item.question_version.data, answer.content)
    return GradeRequest.code(item.exercise_slug, answer.content)


def grade_request(request: GradeRequest) -> Grade:
    """Grade with the primary grader of the request's kind."""
    if request.kind == graders.CODE:
        _judge_registered()
    return graders.grade(request)


def grade_answer(answer: m.Answer) -> Grade:
    return grade_request(request_for(answer))


def grade(answer: m.Answer) -> tuple[float, dict[str, Any]]:
    """The primary grade's value (0..1) and evidence, as run_scoring stores them."""
    result = grade_answer(answer)
    return result.value, result.evidence
