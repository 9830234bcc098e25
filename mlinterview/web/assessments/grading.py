"""Adapters from assessment items to the scoring engine and the code judge.

Both return a value in 0..1 and a JSON-ready evidence dict. The engines are imported lazily:
the web process never loads the text model or touches the sandbox just to render a page.
"""

from __future__ import annotations

from typing import Any

from mlinterview.bank.schema import Question as QuestionContent
from mlinterview.web.assessments import models as m

MAX_BAND = 5.0


def grade_text(question_data: dict[str, Any], answer: str) -> tuple[float, dict[str, Any]]:
    from mlinterview.scoring import get_scorer

    question = QuestionContent.model_validate(question_data)
    result = get_scorer().score(question, answer).to_dict()
    return max(0.0, min(1.0, float(result["score"]) / MAX_BAND)), result


def grade_code(exercise_slug: str, source: str) -> tuple[float, dict[str, Any]]:
    from mlinterview.web.assessments.exercises import judge

    result = judge(exercise_slug, source)
    return float(result["score"]), result


def grade(answer: m.Answer) -> tuple[float, dict[str, Any]]:
    item = answer.item
    if item.kind == m.AssessmentItem.Kind.QUESTION:
        assert item.question_version is not None
        return grade_text(item.question_version.data, answer.content)
    return grade_code(item.exercise_slug, answer.content)
