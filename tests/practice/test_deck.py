"""The practice deck: scores become FSRS ratings, reviews come back on the scheduled days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mlinterview.bank import load_bank
from mlinterview.practice import Deck, LocalDeckFile, next_questions, rating_for

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def test_score_to_rating():
    assert [rating_for(s).name for s in (0, 1.4, 2.0, 3.5, 4.0, 5)] == [
        "Again",
        "Again",
        "Hard",
        "Good",
        "Easy",
        "Easy",
    ]


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
    chosen = next_questions(deck, list(bank), limit=3, now=later)
    assert chosen[0].slug == "loss-function"
    assert all(q.slug not in deck.cards for q in chosen[1:])
    assert next_questions(deck, list(bank), limit=3, now=T0)[0].slug != "loss-function"


def test_mastery_by_set_and_history(bank):
    deck = Deck()
    deck.record(bank.get("loss-function"), 2.0, now=T0)
    deck.record(bank.get("support-vector-machine"), 4.0, now=T0 + timedelta(days=1))
    assert deck.mastery_by_set() == {"algorithms": pytest.approx(0.6)}
    history = deck.mastery_history()
    assert [round(v, 2) for _, _, v in history] == [0.4, 0.6]


def test_local_file_round_trip_and_atomic_write(tmp_path, bank):
    store = LocalDeckFile(tmp_path / "nested" / "practice.json")
    assert store.load().cards == {}
    deck = Deck()
    deck.record(bank.get("loss-function"), 3.0, now=T0)
    store.save(deck)
    loaded = store.load()
    assert loaded.cards["loss-function"].due == deck.cards["loss-function"].due
    assert loaded.cards["loss-function"].attempts[0].score == 3.0
    assert [p.name for p in store.path.parent.iterdir()] == ["practice.json"]


def test_out_of_range_score_refused(bank):
    with pytest.raises(ValueError, match="between 0 and 5"):
        Deck().record(bank.get("loss-function"), 7, now=T0)
