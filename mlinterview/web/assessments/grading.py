"""Assessment answers through the grader seam (``mlinterview.scoring.graders``).

An item's kind picks the primary grader: a question's answer is "text", an exercise's "code".
The judge's grader is registered here on first use, with the judge and exercises this app
configures (``assessments/exercises.py``). Engines load lazily: the web process never loads the
text model or touches the sandbox just to render a page.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from mlinterview.bank.schema import Question as QuestionContent
from mlinterview.scoring import graders
from mlinterview.scoring.graders import Grade, Grader, GradeRequest, GraderError
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


def llm_grader() -> Grader | None:
    """The language-model second opinion the environment configures (``MLINTERVIEW_LLM_URL``),
    registered once per registry; None when unset, or when refused (logged: a hosted endpoint
    without the opt-in), so that it never blocks scoring."""
    from mlinterview.scoring import llm

    with _setup_lock:
        if llm.LLM_SECOND_OPINION in graders.names():
            return graders.get(llm.LLM_SECOND_OPINION)
        try:
            grader = llm.configured()
        except GraderError as exc:
            logging.getLogger("mlinterview.scoring").error("second opinion not enabled: %s", exc)
            return None
        if grader is not None:
            graders.register(grader)
        return grader


def second_opinion_graders(item: m.AssessmentItem) -> list[str]:
    """The graders that give a second opinion on an item's answers (none unless configured)."""
    if answer_kind(item) != graders.TEXT:
        return []
    grader = llm_grader()
    return [grader.name] if grader is not None else []


def second_opinion_host() -> str | None:
    """Where answers go for a second opinion (the endpoint's host), for the candidate's landing page."""
    grader = llm_grader()
    settings = getattr(grader, "settings", None)
    return None if settings is None else settings.host


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
    elif grader is not None and grader not in graders.names():
        llm_grader()  # a worker process registers the configured second opinion on first use
    return graders.grade(request, grader=grader)


def grade_answer(answer: m.Answer, *, grader: str | None = None) -> Grade:
    """Grade an answer with the named grader (a second opinion), or else its kind's primary grader."""
    return grade_request(request_for(answer), grader=grader)
