"""Practice with spaced repetition: each question a candidate practises becomes an FSRS card in a
deck, scheduled from the 0-5 score its answer got (scheduler, deck; store keeps a deck in a file).

May import: fsrs and the bank core; never Django, the web apps or the scorer (callers pass the score).
"""

from mlinterview.practice.deck import Attempt, Deck, PracticeCard, next_questions
from mlinterview.practice.scheduler import SCHEDULER, rating_for
from mlinterview.practice.store import LocalDeckFile

__all__ = [
    "SCHEDULER",
    "Attempt",
    "Deck",
    "LocalDeckFile",
    "PracticeCard",
    "next_questions",
    "rating_for",
]
