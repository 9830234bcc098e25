"""A deck: the questions one person practises, each an FSRS card with its attempts, kept as plain
JSON; and the order in which questions come up next.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import fsrs

from mlinterview.bank.schema import Question
from mlinterview.practice.scheduler import SCHEDULER, rating_for


@dataclass
class Attempt:
    at: datetime
    score: float
    rating: str

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "score": self.score, "rating": self.rating}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attempt:
        return cls(at=datetime.fromisoformat(data["at"]), score=float(data["score"]), rating=data["rating"])


@dataclass
class PracticeCard:
    slug: str
    set: str
    card: fsrs.Card
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def due(self) -> datetime:
        return self.card.due

    @property
    def last_score(self) -> float | None:
        return self.attempts[-1].score if self.attempts else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "set": self.set,
            "card": self.card.to_dict(),
            "attempts": [a.to_dict() for a in self.attempts],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PracticeCard:
        return cls(
            slug=data["slug"],
            set=data["set"],
            card=fsrs.Card.from_dict(data["card"]),
            attempts=[Attempt.from_dict(a) for a in data.get("attempts", [])],
        )


class Deck:
    """The questions one person practises, with their schedule and history."""

    def __init__(self, cards: Iterable[PracticeCard] = ()) -> None:
        self.cards: dict[str, PracticeCard] = {card.slug: card for card in cards}

    def record(self, question: Question, score: float, now: datetime | None = None) -> PracticeCard:
        """Record an answer's score and schedule the next review."""
        now = now or datetime.now(UTC)
        if not 0.0 <= score <= 5.0:
            raise ValueError(f"score must be between 0 and 5, not {score}")
        current = self.cards.get(question.slug)
        card = current.card if current else fsrs.Card(card_id=_card_id(question.slug))
        rating = rating_for(score)
        card, _ = SCHEDULER.review_card(card, rating, review_datetime=now)
        entry = current or PracticeCard(slug=question.slug, set=question.set, card=card)
        entry.card = card
        entry.attempts.append(Attempt(at=now, score=round(score, 2), rating=rating.name.lower()))
        self.cards[question.slug] = entry
        return entry

    def due(self, now: datetime | None = None) -> list[PracticeCard]:
        now = now or datetime.now(UTC)
        return sorted((c for c in self.cards.values() if c.due <= now), key=lambda c: c.due)

    def upcoming(self) -> list[PracticeCard]:
        return sorted(self.cards.values(), key=lambda c: c.due)

    def mastery_by_set(self) -> dict[str, float]:
        """Mean latest score per set, on 0-1."""
        totals: dict[str, list[float]] = {}
        for card in self.cards.values():
            if card.last_score is not None:
                totals.setdefault(card.set, []).append(card.last_score / 5.0)
        return {s: sum(v) / len(v) for s, v in sorted(totals.items())}

    def mastery_history(self) -> list[tuple[datetime, str, float]]:
        """(time, set, mastery of that set after this attempt), for a progress chart."""
        latest: dict[str, float] = {}
        points = []
        events = sorted(
            (a.at, card.slug, card.set, a.score) for card in self.cards.values() for a in card.attempts
        )
        for at, slug, set_slug, score in events:
            latest[slug] = score / 5.0
            in_set = [v for s, v in latest.items() if self.cards[s].set == set_slug]
            points.append((at, set_slug, sum(in_set) / len(in_set)))
        return points

    def to_json(self) -> str:
        return json.dumps({"version": 1, "cards": [c.to_dict() for c in self.cards.values()]}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Deck:
        data = json.loads(text)
        if data.get("version") != 1:
            raise ValueError("unknown practice file version")
        return cls(PracticeCard.from_dict(c) for c in data["cards"])


def _card_id(slug: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.sha256(slug.encode()).digest()[:6], "big")


def next_questions(
    deck: Deck,
    questions: Iterable[Question],
    *,
    limit: int,
    now: datetime | None = None,
) -> list[Question]:
    """Due reviews first (most overdue first), then questions not practised yet."""
    pool = {q.slug: q for q in questions}
    due = [pool[c.slug] for c in deck.due(now) if c.slug in pool]
    fresh = [q for slug, q in pool.items() if slug not in deck.cards]
    return (due + fresh)[:limit]
