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


def offered_question(slug: str) -> QuestionContent | None:
    """One question, if it is on offer for practice (live and not held back)."""
    row = Question.objects.filter(slug=slug, retired=False).select_related("current_version").first()
    if row is None or slug in held_back_slugs():
        return None
    return row.content


def deck_of(user: Any) -> PracticeDeck:
    """The user's stored deck, created empty on first use."""
    return PracticeDeck.objects.get_or_create(user=user)[0]


def on_product_scale(score: float | None) -> float | None:
    """A scorer's 0-5 score (what practice keeps, and schedules reviews by) on the product's scale
    of 0..1, the one every page prints as a percentage."""
    if score is None:
        return None
    from mlinterview.scoring.graders import MAX_BAND

    return max(0.0, min(1.0, float(score) / MAX_BAND))


@dataclass(frozen=True)
class Queue:
    """The practice home page: reviews due now, questions not practised yet, and later reviews.
    ``started`` is false until the person has answered a question (the page then says where to
    begin instead of "nothing due")."""

    now: datetime
    due: list[tuple[QuestionContent, PracticeCard]]
    fresh: list[QuestionContent]
    upcoming: list[tuple[PracticeCard, str]]  # with the question's title
    started: bool


def queue(user: Any, set_slug: str = "", level: str = "") -> Queue:
    now = clock.now()
    deck = deck_of(user).deck
    pool = available_questions(set_slug, level)
    due = [(pool[c.slug], c) for c in deck.due(now) if c.slug in pool]
    fresh = [q for q in next_questions(deck, pool.values(), limit=50, now=now) if q.slug not in deck.cards]
    later = [c for c in deck.upcoming() if c.due > now][:UPCOMING_SHOWN]
    titles = dict(Question.objects.filter(slug__in=[c.slug for c in later]).values_list("slug", "title"))
    upcoming = [(c, titles.get(c.slug, c.slug)) for c in later]
    return Queue(
        now=now,
        due=due,
        fresh=fresh[:FRESH_SHOWN],
        upcoming=upcoming,
        started=bool(deck.cards),
    )


def next_question(user: Any, after: str, set_slug: str = "", level: str = "") -> QuestionContent | None:
    """What to practise after the question ``after``: the most overdue review, else the first
    question not practised yet (of the set and level chosen on the home page, if any); None when
    nothing else is on offer."""
    pool = [q for slug, q in available_questions(set_slug, level).items() if slug != after]
    found = next_questions(deck_of(user).deck, pool, limit=1, now=clock.now())
    return found[0] if found else None


def _grade(question: QuestionContent, text: str) -> dict[str, Any]:
    """The primary text grader's result: the scorer's 0-5 result, naming the grader and its version."""
    from mlinterview.scoring import graders

    grade = graders.grade(graders.GradeRequest.text(question, text))
    return grade.signed_evidence()


def answer(user: Any, slug: str, question: QuestionContent, text: str) -> PracticeAnswer:
    """Score an answer, keep it with its feedback, and schedule the question's next review."""
    result = _grade(question, text)
    score = float(result["score"])  # the scorer's 0-5 score, which the deck schedules by
    now = clock.now()
    saved = PracticeAnswer.objects.create(
        user=user, slug=slug, content=text, score=score, feedback=result, answered_at=now
    )
    record = deck_of(user)
    deck = record.deck
    deck.record(question, score, now=now)
    record.store(deck)
    return saved


class AnswerNotFound(Exception):
    """No such answer of this person, or its question is not on offer for practice now."""


@dataclass(frozen=True)
class PastFeedback:
    """A kept answer with its feedback, as its page shows it: the question, the grader's result, the
    answer typed, its score on the product's scale, and the question's next review."""

    answer: PracticeAnswer
    question: QuestionContent
    result: dict[str, Any]
    value: float | None
    card: PracticeCard | None


def feedback_on(user: Any, answer_id: int) -> PastFeedback:
    """One of the person's own answers with its feedback. A question held back since (it is in an
    assessment a candidate can still take) or retired is refused: its feedback quotes the rubric."""
    saved = PracticeAnswer.objects.filter(pk=answer_id, user=user, kind="question").first()
    question = offered_question(saved.slug) if saved is not None else None
    if saved is None or question is None:
        raise AnswerNotFound(answer_id)
    return PastFeedback(
        answer=saved,
        question=question,
        result=saved.feedback,
        value=on_product_scale(saved.score),
        card=deck_of(user).deck.cards.get(saved.slug),
    )


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
class RecentAnswer:
    """A line of the recent answers: when, the question's title, the score on 0..1, and whether its
    feedback can be opened (not when the question is held back or retired since)."""

    id: int
    answered_at: datetime
    slug: str
    title: str
    value: float | None
    can_open: bool


def recent_answers(user: Any, limit: int = ANSWERS_SHOWN) -> list[RecentAnswer]:
    rows = list(PracticeAnswer.objects.filter(user=user, kind="question")[:limit])
    questions = Question.objects.filter(slug__in={r.slug for r in rows})
    titles = dict(questions.values_list("slug", "title"))
    hidden = held_back_slugs() if rows else set()
    on_offer = set(questions.filter(retired=False).values_list("slug", flat=True)) - hidden
    return [
        RecentAnswer(
            id=row.pk,
            answered_at=row.answered_at,
            slug=row.slug,
            title=titles.get(row.slug, row.slug),
            value=on_product_scale(row.score),
            can_open=row.slug in on_offer,
        )
        for row in rows
    ]


@dataclass(frozen=True)
class Progress:
    mastery: list[tuple[str, float]]  # set title, mean latest score on 0-1
    chart: str  # base64 PNG
    answers: list[RecentAnswer]  # the latest answers, newest first


def progress(user: Any) -> Progress:
    deck = deck_of(user).deck
    titles = dict(QuestionSet.objects.values_list("slug", "title"))
    return Progress(
        mastery=[(titles.get(s, s), v) for s, v in deck.mastery_by_set().items()],
        chart=progress_chart(deck.mastery_history(), titles),
        answers=recent_answers(user),
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
