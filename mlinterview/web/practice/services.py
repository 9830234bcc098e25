"""What practice on the web does, behind its pages: the questions on offer, the review queue, scoring
an answer and scheduling its next review, the progress chart and the Anki export.

The views validate the request, call one of these and render what it returns. Answers are graded
in the request by the primary text grader (a warm scorer answers in milliseconds). Times come from
``clock.now`` so tests can move them.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mlinterview import charts
from mlinterview.bank.schema import Question as QuestionContent
from mlinterview.practice import PracticeCard, next_questions
from mlinterview.web.assessments.held_back import held_back_slugs
from mlinterview.web.practice import clock
from mlinterview.web.practice.models import PracticeAnswer, PracticeDeck
from mlinterview.web.questions.models import Question, QuestionSet

FRESH_SHOWN = 8
UPCOMING_SHOWN = 20
ANSWERS_SHOWN = 30


def available_questions(set_slug: str = "", level: str = "") -> dict[str, QuestionContent]:
    """The live questions offered for practice (optionally of one set or level), by slug; those in
    an assessment candidates can still take are held back."""
    rows = Question.objects.filter(retired=False).select_related("current_version")
    if set_slug:
        rows = rows.filter(question_set__slug=set_slug)
    if level:
        rows = rows.filter(level=level)
    hidden = held_back_slugs()
    return {row.slug: row.content for row in rows if row.slug not in hidden}


def deck_of(user: Any) -> PracticeDeck:
    """The user's stored deck, created empty on first use."""
    return PracticeDeck.objects.get_or_create(user=user)[0]


@dataclass(frozen=True)
class Queue:
    """The practice home page: reviews due now, questions not practised yet, and later reviews."""

    now: datetime
    due: list[tuple[QuestionContent, PracticeCard]]
    fresh: list[QuestionContent]
    upcoming: list[tuple[PracticeCard, QuestionContent | None]]


def queue(user: Any, set_slug: str = "", level: str = "") -> Queue:
    now = clock.now()
    deck = deck_of(user).deck
    pool = available_questions(set_slug, level)
    due = [(pool[c.slug], c) for c in deck.due(now) if c.slug in pool]
    fresh = [q for q in next_questions(deck, pool.values(), limit=50, now=now) if q.slug not in deck.cards]
    upcoming = [(c, pool.get(c.slug)) for c in deck.upcoming() if c.due > now]
    return Queue(now=now, due=due, fresh=fresh[:FRESH_SHOWN], upcoming=upcoming[:UPCOMING_SHOWN])


@dataclass(frozen=True)
class Feedback:
    """A graded answer: the grader's result as a dict (score, key points, feedback, grader, version)
    and the card with its next review."""

    result: dict[str, Any]
    card: PracticeCard


def _grade(question: QuestionContent, text: str) -> dict[str, Any]:
    """The primary text grader's result: the scorer's 0-5 result, naming the grader and its version."""
    from mlinterview.scoring import graders

    grade = graders.grade(graders.GradeRequest.text(question, text))
    return grade.signed_evidence()


def answer(user: Any, slug: str, question: QuestionContent, text: str) -> Feedback:
    """Score an answer, keep it with its feedback, and schedule the question's next review."""
    result = _grade(question, text)
    score = float(result["score"])  # the scorer's 0-5 score, which the deck schedules by
    now = clock.now()
    PracticeAnswer.objects.create(
        user=user, slug=slug, content=text, score=score, feedback=result, answered_at=now
    )
    record = deck_of(user)
    deck = record.deck
    card = deck.record(question, score, now=now)
    record.store(deck)
    return Feedback(result=result, card=card)


def progress_chart(points: list[tuple[Any, str, float]], titles: dict[str, str]) -> str:
    """Mastery of each set over time (one line per set, 0-100%), as a base64 PNG."""
    series: dict[str, tuple[list[Any], list[float]]] = {}
    for at, set_slug, value in points:
        xs, ys = series.setdefault(set_slug, ([], []))
        xs.append(at)
        ys.append(100 * value)

    def draw(axis: Any) -> None:
        for set_slug, (xs, ys) in series.items():
            axis.plot(xs, ys, marker="o", label=titles.get(set_slug, set_slug))
        axis.set_ylim(0, 100)
        axis.set_ylabel("mastery (%)")
        if series:
            axis.legend(fontsize=8, loc="lower right")
        axis.figure.autofmt_xdate()

    return charts.png_base64(draw, size=(7, 3.4))


@dataclass(frozen=True)
class Progress:
    mastery: list[tuple[str, float]]  # set title, mean latest score on 0-1
    chart: str  # base64 PNG
    answers: Any  # the latest answers, newest first


def progress(user: Any) -> Progress:
    deck = deck_of(user).deck
    titles = dict(QuestionSet.objects.values_list("slug", "title"))
    return Progress(
        mastery=[(titles.get(s, s), v) for s, v in deck.mastery_by_set().items()],
        chart=progress_chart(deck.mastery_history(), titles),
        answers=PracticeAnswer.objects.filter(user=user)[:ANSWERS_SHOWN],
    )


ANKI_MODEL_ID = 1607392319
ANKI_DECK_BASE_ID = 2059400110  # plus the user's id, so each person's deck is its own in Anki


def anki_package(user: Any) -> bytes:
    """The questions this person has practised, as an Anki deck (.apkg): the question on the front,
    the reference answer and key points on the back."""
    import genanki

    from mlinterview.bank.markdown import to_html

    practised = deck_of(user).deck.cards
    pool = {row.slug: row.content for row in Question.objects.filter(slug__in=list(practised))}
    model = genanki.Model(
        ANKI_MODEL_ID,
        "mlinterview question",
        fields=[{"name": "Question"}, {"name": "Answer"}],
        templates=[{"name": "Card", "qfmt": "{{Question}}", "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"}],
    )
    deck = genanki.Deck(ANKI_DECK_BASE_ID + user.pk, f"mlinterview practice ({user.get_username()})")
    for slug, question in sorted(pool.items()):
        points = "".join(
            f"<li>{p}</li>"
            for p in (question.key_points or (question.signals.strong if question.signals else []))
        )
        back = to_html(question.reference_answer or "") + (f"<ul>{points}</ul>" if points else "")
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[f"<b>{question.title}</b><br>{question.prompt}", back],
                guid=genanki.guid_for(slug),
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()
