"""Where a candidate stands in an attempt: which items hold an answer, and how much time is left,
in the words the candidate's pages use (issue 15, point 7)."""

from __future__ import annotations

from dataclasses import dataclass

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.exercises import public_exercise


@dataclass(frozen=True)
class ItemProgress:
    """One item of an attempt as the candidate's navigation and review page show it."""

    position: int  # from 0, as in the item page's URL
    title: str
    answered: bool

    @property
    def number(self) -> int:
        return self.position + 1


def _title_and_starter(item: m.AssessmentItem) -> tuple[str, str]:
    if item.kind == m.AssessmentItem.Kind.QUESTION:
        assert item.question_version is not None
        return str(item.question_version.data["title"]), ""
    shown = public_exercise(item.exercise_slug)
    return str(shown["title"]), str(shown.get("starter") or "")


def is_answered(answer: m.Answer) -> bool:
    """An item counts as answered when its saved text holds more than white space, and for a
    coding exercise more than the starter code the candidate was given."""
    text = answer.content.strip()
    if not text:
        return False
    if answer.item.kind == m.AssessmentItem.Kind.EXERCISE:
        return text != _title_and_starter(answer.item)[1].strip()
    return True


def attempt_progress(attempt: m.Attempt) -> list[ItemProgress]:
    """Every item of the attempt in order: its title and whether it holds a saved answer."""
    answers = (
        m.Answer.objects.filter(attempt=attempt)
        .select_related("item", "item__question_version")
        .order_by("item__position")
    )
    return [
        ItemProgress(position=a.item.position, title=_title_and_starter(a.item)[0], answered=is_answered(a))
        for a in answers
    ]


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def describe_time_left(seconds: int) -> str:
    """Time left in words: whole minutes (rounded down, so never more than is left) from one
    minute up, seconds below a minute."""
    seconds = max(0, int(seconds))
    if seconds >= 60:
        return _plural(seconds // 60, "minute")
    return _plural(seconds, "second")
