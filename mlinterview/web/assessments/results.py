"""Results as reviewers read them outside the review page: each answer with its score, evidence and
overrides (the PDF report and the side-by-side comparison), and the shortlist as a table (the CSV).

Headings are titles, never slugs: a question set by the title the bank gives it, an item by its
question's or exercise's title. Scores are percentages, as everywhere else in the product.
Who sees a name or an e-mail address follows the review pages: a reviewer sees an alias until
they have committed their own review of that attempt; the e-mail address is shown only to those
who manage the candidate (the team's recruiters, administrators) once they have committed.

May import: the assessments' models, services, access rules and exercise adapter, the questions app.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mlinterview.web.assessments import access, services
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.exercises import public_exercise
from mlinterview.web.questions.models import QuestionSet

EXERCISES_GROUP = "coding exercises"  # what services.item_group calls the coding exercises
MAX_COMPARED = 3


def percent(value: float | None) -> str:
    """A score on the product's one scale: a whole percentage ("82"), empty when there is none."""
    return "" if value is None else f"{100 * value:.0f}"


def group_titles(groups: Iterable[str]) -> dict[str, str]:
    """Each group of :func:`services.item_group` (a question set's slug, or the coding exercises)
    with the title to show for it."""
    wanted = set(groups)
    titles = dict(QuestionSet.objects.filter(slug__in=wanted).values_list("slug", "title"))
    titles.setdefault(EXERCISES_GROUP, "Coding exercises")
    return {group: titles.get(group, group) for group in wanted}


def item_key(item: m.AssessmentItem) -> str:
    """The same question or exercise in any version of an assessment has the same key."""
    if item.question_version is not None:
        return f"question:{item.question_version.question_id}"
    return f"exercise:{item.exercise_slug}"


def item_title(item: m.AssessmentItem) -> str:
    if item.question_version is not None:
        return str(item.question_version.data.get("title") or item.question_version.question_id)
    try:
        return str(public_exercise(item.exercise_slug)["title"])
    except AssessmentError:  # an exercise no longer shipped: its slug is all there is
        return item.exercise_slug


def shows_name(attempt: m.Attempt, viewer: Any) -> bool:
    return services.may_see_identity(attempt, viewer)


def shows_email(attempt: m.Attempt, viewer: Any) -> bool:
    """The e-mail address: for those who manage the candidate (who see it on the invitation list
    anyway), once they have committed their review of this attempt; never for a deleted one."""
    candidate = attempt.invitation.candidate
    return bool(
        candidate.anonymised_at is None
        and shows_name(attempt, viewer)
        and viewer.has_perm(access.MANAGE_CANDIDATE, candidate)
    )


def shown_name(attempt: m.Attempt, viewer: Any) -> str:
    candidate = attempt.invitation.candidate
    return str(candidate) if shows_name(attempt, viewer) else candidate.alias


# --- one attempt's answers -------------------------------------------------------------------


@dataclass
class OverrideView:
    value: float
    reason: str
    reviewer: str
    at: Any


@dataclass
class AnswerView:
    """One answer as the report and the comparison show it."""

    key: str
    position: int
    title: str
    group: str  # the group's title
    kind: str
    content: str
    status: str  # the primary score's status ("" before any score exists)
    value: float | None  # the score that counts (the latest override, else the automatic value)
    auto_value: float | None
    overrides: list[OverrideView]  # oldest first; the last one counts
    covered: list[str]
    missed: list[str]
    misconceptions: list[str]
    tests: list[dict[str, Any]]
    feedback: str

    @property
    def overridden(self) -> bool:
        return bool(self.overrides)

    @property
    def tests_passed(self) -> int:
        return sum(1 for t in self.tests if t.get("passed"))


def answer_views(attempt: m.Attempt) -> list[AnswerView]:
    answers = list(
        attempt.answers.select_related("item__question_version").prefetch_related(
            "scores__overrides__reviewer"
        )
    )
    titles = group_titles(services.item_group(a.item) for a in answers)
    views = []
    for answer in answers:
        score = answer.score
        evidence = score.evidence if score is not None and isinstance(score.evidence, dict) else {}
        points = evidence.get("key_points") or []
        overrides = (
            sorted(score.overrides.all(), key=lambda o: (o.created_at, o.pk)) if score is not None else []
        )
        views.append(
            AnswerView(
                key=item_key(answer.item),
                position=answer.item.position,
                title=item_title(answer.item),
                group=titles[services.item_group(answer.item)],
                kind=answer.item.kind,
                content=answer.content,
                status=score.status if score is not None else "",
                value=overrides[-1].value if overrides else (score.auto_value if score is not None else None),
                auto_value=score.auto_value if score is not None else None,
                overrides=[OverrideView(o.value, o.reason, str(o.reviewer), o.created_at) for o in overrides],
                covered=[str(k.get("text", "")) for k in points if k.get("covered")],
                missed=[str(k.get("text", "")).rstrip(". ") for k in points if not k.get("covered")],
                misconceptions=[
                    str(mc.get("text", "")).rstrip(". ") for mc in evidence.get("misconceptions") or []
                ],
                tests=list(evidence.get("tests") or []),
                feedback=str(evidence.get("feedback") or ""),
            )
        )
    return views


# --- the shortlist as a table (CSV) ----------------------------------------------------------


@dataclass
class ItemColumn:
    key: str
    title: str


def _item_columns(rows: list[services.ShortlistRow]) -> list[ItemColumn]:
    """The items of the attempts on the shortlist, by version and position; an item that stays
    the same across versions is one column."""
    items: dict[str, tuple[tuple[int, int], str]] = {}
    for row in rows:
        for answer in row.attempt.answers.all():
            item = answer.item
            order = (row.attempt.invitation.version.number, item.position)
            key = item_key(item)
            if key not in items or order < items[key][0]:
                items[key] = (order, item_title(item))
    return [ItemColumn(key, title) for key, (_, title) in sorted(items.items(), key=lambda kv: kv[1][0])]


def _counted(score: m.Score | None) -> float | None:
    """``score.value`` from the overrides the shortlist prefetched (no query per score)."""
    if score is None:
        return None
    overrides = sorted(score.overrides.all(), key=lambda o: (o.created_at, o.pk))
    return overrides[-1].value if overrides else score.auto_value


def shortlist_table(assessment: m.Assessment, viewer: Any) -> list[list[Any]]:
    """The shortlist CSV's rows, header first: rank, name (or alias), total, the candidate's id and
    (where the viewer may see it) e-mail address, the score per topic and per item, and notes."""
    rows = services.assessment_shortlist(assessment)
    titles = group_titles({g for r in rows for g in r.by_set})
    groups = sorted(titles, key=lambda g: titles[g].casefold())  # as the shortlist page orders them
    columns = _item_columns(rows)
    header = [
        "rank",
        "candidate",
        "total_percent",
        "candidate_id",
        "email",
        *(f"Topic: {titles[g]} (%)" for g in groups),
        *(f"Item: {c.title} (%)" for c in columns),
        "pending",
        "overridden",
        "auto_submitted",
    ]
    table: list[list[Any]] = [header]
    for rank, row in enumerate(rows, 1):
        per_item = {item_key(a.item): _counted(a.score) for a in row.attempt.answers.all()}
        table.append(
            [
                rank,
                shown_name(row.attempt, viewer),
                percent(row.total),
                row.candidate.pk,
                row.candidate.email if shows_email(row.attempt, viewer) else "",
                *(percent(row.by_set.get(g)) for g in groups),
                *(percent(per_item.get(c.key)) for c in columns),
                row.pending,
                row.overridden,
                row.attempt.auto_submitted,
            ]
        )
    return table


# --- candidates side by side -----------------------------------------------------------------


@dataclass
class ComparedCandidate:
    attempt: m.Attempt
    name: str
    total: float | None
    pending: int
    failed: int


@dataclass
class ComparedItem:
    title: str
    group: str
    kind: str
    answers: list[AnswerView | None] = field(default_factory=list)  # one per candidate, in order
    cells: list[tuple[ComparedCandidate, AnswerView | None]] = field(default_factory=list)


@dataclass
class Comparison:
    candidates: list[ComparedCandidate]
    items: list[ComparedItem]


def compare(attempts: list[m.Attempt], viewer: Any) -> Comparison:
    """Two or three attempts of one assessment side by side, item by item (items that only some
    of them had, from another version, show a gap for the others)."""
    if not 2 <= len(attempts) <= MAX_COMPARED:
        raise AssessmentError(f"Tick two or three candidates to compare (you ticked {len(attempts)}).")
    if len({a.invitation.version.assessment_id for a in attempts}) != 1:
        raise AssessmentError("Only candidates of the same assessment can be compared.")
    ranked = {
        r.attempt.pk: r for r in services.assessment_shortlist(attempts[0].invitation.version.assessment)
    }
    candidates = []
    lines: dict[str, tuple[tuple[int, int], ComparedItem]] = {}
    for index, attempt in enumerate(attempts):
        row = ranked.get(attempt.pk)
        candidates.append(
            ComparedCandidate(
                attempt=attempt,
                name=shown_name(attempt, viewer),
                total=row.total if row else None,
                pending=row.pending if row else 0,
                failed=row.failed if row else 0,
            )
        )
        for view in answer_views(attempt):
            if view.key not in lines:
                line = ComparedItem(view.title, view.group, view.kind, [None] * len(attempts))
                lines[view.key] = ((attempt.invitation.version.number, view.position), line)
            lines[view.key][1].answers[index] = view
    items = [line for _, line in sorted(lines.values(), key=lambda pair: pair[0])]
    for line in items:
        line.cells = list(zip(candidates, line.answers, strict=True))
    return Comparison(candidates=candidates, items=items)
