"""What a candidate sees of an item (the taking page and the staff's preview show the same)."""

from __future__ import annotations

from typing import Any

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.exercises import public_exercise


def candidate_view_of(item: m.AssessmentItem) -> dict[str, Any]:
    """A question's title, prompt and minutes; an exercise's statement, starter code and public
    examples. Never a rubric, reference answer or hidden test."""
    if item.kind == m.AssessmentItem.Kind.QUESTION:
        assert item.question_version is not None
        data = item.question_version.data
        return {
            "kind": "question",
            "title": data["title"],
            "prompt": data["prompt"],
            "minutes": data["minutes"],
        }
    return {"kind": "exercise", **public_exercise(item.exercise_slug)}
