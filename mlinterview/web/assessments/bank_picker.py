"""What the builder lists: a page of the bank's live questions found by the bank's ranked word
search and filtered by set, level and skill, and the items of a version with their titles and a
running total of minutes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.exercises import exercise_choices
from mlinterview.web.questions.models import Question
from mlinterview.web.questions.search import ranked_slugs

PAGE_SIZE = 40
EXERCISE_PAGE_SIZE = 20


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    number: int  # 1-based
    pages: int
    total: int
    start: int  # 1-based position of the first row shown (0 when none)
    end: int
    page_numbers: list[int] = field(default_factory=list)


def _page_number(value: Any) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def cut(found: list[Any], page: Any, size: int) -> Page:
    """Page ``page`` (1-based; a page past the end shows the last) of ``found`` in pages of ``size``."""
    total = len(found)
    pages = max((total + size - 1) // size, 1)
    number = min(_page_number(page), pages)
    first = (number - 1) * size
    shown = found[first : first + size]
    return Page(
        rows=shown,
        number=number,
        pages=pages,
        total=total,
        start=first + 1 if shown else 0,
        end=first + len(shown),
        page_numbers=list(range(1, pages + 1)),
    )


def bank_page(*, q: str = "", set_slug: str = "", level: str = "", skill: str = "", page: Any = 1) -> Page:
    """The matching questions, best match first when words were typed (by set and title otherwise),
    cut into pages of ``PAGE_SIZE``; a page past the end shows the last page."""
    rows = Question.objects.filter(retired=False).select_related("question_set", "current_version")
    if set_slug:
        rows = rows.filter(question_set__slug=set_slug)
    if level:
        rows = rows.filter(level=level)
    found = list(rows.order_by("question_set__position", "title"))
    if skill:
        found = [r for r in found if r.current_version and skill in r.current_version.data.get("skills", [])]
    if q.strip():
        rank = {slug: n for n, slug in enumerate(ranked_slugs(q[:200]))}
        found = sorted((r for r in found if r.slug in rank), key=lambda r: rank[r.slug])
    return cut(found, page, PAGE_SIZE)


def exercise_page(*, kind: str = "", skill: str = "", page: Any = 1) -> Page:
    """A page of the coding exercises of ``kind`` and ``skill`` (empty: any), by title."""
    retired = set(m.RetiredExercise.objects.values_list("slug", flat=True))  # retired as leaked
    offered = [e for e in exercise_choices(kind, skill) if e["slug"] not in retired]
    return cut(offered, page, EXERCISE_PAGE_SIZE)


@dataclass(frozen=True)
class ItemRow:
    item: m.AssessmentItem
    title: str
    minutes: int
    detail: str


@dataclass(frozen=True)
class ItemList:
    rows: list[ItemRow]
    minutes: int
    limit: int

    @property
    def over_by(self) -> int:
        return max(self.minutes - self.limit, 0)

    @property
    def added(self) -> set[str]:
        """What is already in the version, as "question:slug" and "exercise:slug"."""
        return {f"{row.item.kind}:{row.item.slug}" for row in self.rows}


def item_list(items: Iterable[m.AssessmentItem], time_limit_minutes: int) -> ItemList:
    """Each item with its title and minutes, and their sum against the time limit."""
    exercises = {e["slug"]: e for e in exercise_choices()}
    rows = []
    for item in items:
        if item.question_version is not None:
            data = item.question_version.data
            rows.append(ItemRow(item, data["title"], int(data["minutes"]), data["level"]))
        else:
            exercise = exercises.get(item.exercise_slug)
            if exercise is None:  # no longer among the exercises
                rows.append(ItemRow(item, item.exercise_slug, 0, "no longer available"))
            else:
                rows.append(ItemRow(item, exercise["title"], int(exercise["minutes"]), exercise["kind"]))
    return ItemList(rows, sum(r.minutes for r in rows), time_limit_minutes)
