"""The practice deck: scores become FSRS ratings, reviews come back on the scheduled days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mlinterview.practice import Deck, LocalDeckFile, next_questions, rating_for
from tests.shipped import shipped_bank

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bank():
    return shipped_bank()


def test_score_to_rating():
    assert [rating_for(s).name for s in (0, 1.4, 2.0, 3.5, 4.0, 5)] == [
        "Again",
        "Again",
        "Hard",
        "Good",
        "Easy",
        "Easy",
    ]


@pytest.mark.parametrize(
    ("below", "at", "rating_below", "rating_at"),
    [(1.49, 1.5, "Again", "Hard"), (2.74, 2.75, "Hard", "Good"), (3.99, 4.0, "Good", "Easy")],
)
def test_rating_boundaries(below, at, rating_below, rating_at):
    assert (rating_for(below).name, rating_for(at).name) == (rating_below, rating_at)


def test_better_answers_are_reviewed_later(bank):
    deck = Deck()
    weak = deck.record(bank.get("type-1-vs-type-2-errors"), 1.0, now=T0)
    strong = deck.record(bank.get("support-vector-machine"), 4.8, now=T0)
    assert T0 < weak.due < strong.due
    assert weak.due - T0 >= timedelta(hours=12)  # days, not minutes: no same-day learning steps


def test_due_queue_follows_the_calendar(bank):
    deck = Deck()
    first_due = deck.record(bank.get("loss-function"), 3.5, now=T0).due
    assert deck.due(T0 + timedelta(minutes=5)) == []
    assert deck.due(first_due - timedelta(minutes=1)) == []
    assert [c.slug for c in deck.due(first_due)] == ["loss-function"]
    again = deck.record(bank.get("loss-function"), 3.5, now=first_due)
    assert again.due - first_due > first_due - T0  # intervals grow with successful reviews
    assert len(again.attempts) == 2


def test_next_questions_puts_due_reviews_first(bank):
    deck = Deck()
    deck.record(bank.get("loss-function"), 2.0, now=T0)
    later = deck.cards["loss-function"].due + timedelta(hours=1)
    fresh = [q.slug for q in bank if q.slug != "loss-function"]
    chosen = next_questions(deck, list(bank), limit=3, now=later)
    assert [q.slug for q in chosen] == ["loss-function", *fresh[:2]]
    # Not due yet: only questions never practised, in bank order.
    assert [q.slug for q in next_questions(deck, list(bank), limit=3, now=T0)] == fresh[:3]


def test_the_most_overdue_review_comes_first(bank):
    deck = Deck()
    deck.record(bank.get("support-vector-machine"), 4.5, now=T0)  # due late
    deck.record(bank.get("loss-function"), 1.0, now=T0)  # due soon
    deck.record(bank.get("roc-curve"), 3.0, now=T0 + timedelta(hours=1))
    everything_due = max(c.due for c in deck.cards.values())
    order = [c.slug for c in sorted(deck.cards.values(), key=lambda c: c.due)]
    assert order[0] == "loss-function" and order[-1] == "support-vector-machine"
    assert [c.slug for c in deck.due(everything_due)] == order
    assert [q.slug for q in next_questions(deck, list(bank), limit=2, now=everything_due)] == order[:2]


def test_mastery_by_set_and_history(bank):
    deck = Deck()
    deck.record(bank.get("loss-function"), 2.0, now=T0)
    deck.record(bank.get("support-vector-machine"), 4.0, now=T0 + timedelta(days=1))
    assert deck.mastery_by_set() == {"algorithms": pytest.approx(0.6)}
    history = deck.mastery_history()
    assert [round(v, 2) for _, _, v in history] == [0.4, 0.6]
    assert [(at, set_slug) for at, set_slug, _ in history] == [
        (T0, "algorithms"),
        (T0 + timedelta(days=1), "algorithms"),
    ]


def test_mastery_counts_the_latest_answer_of_each_question(bank):
    deck = Deck()
    deck.record(bank.get("loss-function"), 1.0, now=T0)
    deck.record(bank.get("loss-function"), 4.5, now=T0 + timedelta(days=2))
    deck.record(bank.get("type-1-vs-type-2-errors"), 2.5, now=T0 + timedelta(days=3))
    assert deck.mastery_by_set() == {"algorithms": pytest.approx(0.9), "fundamentals": pytest.approx(0.5)}
    assert [(s, round(v, 2)) for _, s, v in deck.mastery_history()] == [
        ("algorithms", 0.2),
        ("algorithms", 0.9),
        ("fundamentals", 0.5),
    ]
    assert [a.rating for a in deck.cards["loss-function"].attempts] == ["again", "easy"]


def test_local_file_round_trip_and_atomic_write(tmp_path, bank):
    store = LocalDeckFile(tmp_path / "nested" / "practice.json")
    assert store.load().cards == {}
    deck = Deck()
    deck.record(bank.get("loss-function"), 3.0, now=T0)
    store.save(deck)
    loaded = store.load()
    assert list(loaded.cards) == ["loss-function"]
    assert loaded.cards["loss-function"].due == deck.cards["loss-function"].due
    assert loaded.cards["loss-function"].set == "algorithms"
    assert [(a.at, a.score, a.rating) for a in loaded.cards["loss-function"].attempts] == [(T0, 3.0, "good")]
    assert loaded.to_json() == deck.to_json()
    assert [p.name for p in store.path.parent.iterdir()] == ["practice.json"]


@pytest.mark.parametrize("score", [7, -0.5, 5.01])
def test_out_of_range_score_refused(bank, score):
    deck = Deck()
    with pytest.raises(ValueError, match="between 0 and 5"):
        deck.record(bank.get("loss-function"), score, now=T0)
    assert deck.cards == {}


def test_an_unknown_practice_file_version_is_refused():
    with pytest.raises(ValueError, match="unknown practice file version"):
        Deck.from_json('{"version": 2, "cards": []}')
