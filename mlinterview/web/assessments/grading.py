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


def answer_kind(item: m.AssessmentItem) -> str:
    """The grader's kind of an item's answers: "text" for a question, "code" for an exercise."""
    return graders.TEXT if item.kind == m.AssessmentItem.Kind.QUESTION else graders.CODE


def primary_grader(item: m.AssessmentItem) -> str:
    """The name of the primary grader of an item's answers (it grades nothing here)."""
    kind = answer_kind(item)
    if kind == graders.CODE:
        _judge_registered()
    return graders.primary_for(kind).name


def request_for(answer: m.Answer) -> GradeRequest:
    item = answer.item
    if answer_kind(item) == graders.TEXT:
        assert item.question_version is not None
        return text_request(item.question_version.data, answer.content)
    return GradeRequest.code(item.exercise_slug, answer.content)


def grade_request(request: GradeRequest, *, grader: str | None = None) -> Grade:
    """Grade with the named grader, or else the primary grader of the request's kind."""
    if request.kind == graders.CODE:
        _judge_registered()
    return graders.grade(request, grader=grader)


def grade_answer(answer: m.Answer, *, grader: str | None = None) -> Grade:
    """Grade an answer with the named grader (a second opinion), or else its kind's primary grader."""
    return grade_request(request_for(answer), grader=grader)
