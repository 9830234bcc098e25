"""Pick a balanced set of questions for a level and a time budget, deterministically.

Used by the assessment builder ("mid-level ML engineer, 45 minutes") and the interview kit.
Rules, in order: questions of the requested level first (a neighbouring level only when the
level runs short); one question from each core set before a second from any set; questions
that assess a core skill not yet covered preferred; no two questions whose wording overlaps
heavily; stop when the next question would overrun the budget. The same seed gives the same
selection for the same bank, so a draw is reproduced by entering its seed; callers that are not
given a seed draw with :func:`new_seed`, so two installs (or two draws) do not get the same set.
Questions named in ``exclude_slugs`` (say, those a candidate already met) are never chosen.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from mlinterview.bank.loader import Bank
from mlinterview.bank.schema import Level, Question
from mlinterview.bank.search import tokenize

CORE_SETS = ("fundamentals", "coding", "modeling-evaluation", "algorithms", "general-interest")
NEIGHBOURS = {
    Level.junior: (Level.mid,),
    Level.mid: (Level.junior, Level.senior),
    Level.senior: (Level.mid,),
}
MAX_WORD_OVERLAP = 0.5
SEED_RANGE = (100_000, 999_999)  # six digits: short enough to read out and type back


def new_seed() -> int:
    """A fresh random seed for a draw nobody asked to reproduce."""
    low, high = SEED_RANGE
    return low + secrets.randbelow(high - low + 1)


@dataclass(frozen=True)
class SelectionRequest:
    level: Level
    minutes: int
    seed: int = 0
    include_sets: tuple[str, ...] = ()
    exclude_sets: tuple[str, ...] = ()
    include_tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    exclude_slugs: frozenset[str] = frozenset()


def _words(question: Question) -> set[str]:
    return set(tokenize(f"{question.title} {question.prompt}"))


def _too_close(question: Question, chosen: Iterable[Question]) -> bool:
    words = _words(question)
    for other in chosen:
        theirs = _words(other)
        union = words | theirs
        if union and len(words & theirs) / len(union) > MAX_WORD_OVERLAP:
            return True
    return False


def _eligible(bank: Bank, request: SelectionRequest) -> list[Question]:
    out = []
    for question in bank:
        if question.slug in request.exclude_slugs:
            continue
        if request.include_sets and question.set not in request.include_sets:
            continue
        if question.set in request.exclude_sets:
            continue
        if request.include_tags and not set(question.tags) & set(request.include_tags):
            continue
        if set(question.tags) & set(request.exclude_tags):
            continue
        out.append(question)
    return out


def select_questions(bank: Bank, request: SelectionRequest) -> list[Question]:
    rng = random.Random(request.seed)
    pool = _eligible(bank, request)
    rng.shuffle(pool)
    # Stable preference: requested level first, then neighbours; shuffled within each group.
    rank = {request.level: 0, **{level: 1 for level in NEIGHBOURS[request.level]}}
    pool = [q for q in pool if q.level in rank]
    pool.sort(key=lambda q: rank[q.level])

    set_order = [s for s in CORE_SETS if any(q.set == s for q in pool)]
    # The other sets in a seeded order: sorted first, since a set's iteration order changes with
    # the process's string hashing and the seed must name one selection in every process.
    others = sorted({q.set for q in pool} - set(set_order))
    rng.shuffle(others)
    set_order += others
    chosen: list[Question] = []
    skills: set[str] = set()
    remaining = request.minutes

    def pick(candidates: list[Question]) -> Question | None:
        fitting = [q for q in candidates if q.minutes <= remaining and q not in chosen]
        fitting = [q for q in fitting if not _too_close(q, chosen)]
        if not fitting:
            return None
        best_rank = min(rank[q.level] for q in fitting)
        fitting = [q for q in fitting if rank[q.level] == best_rank]
        fresh = [q for q in fitting if set(q.skills) - skills]
        return (fresh or fitting)[0]

    # Round-robin over sets: one from each before a second from any.
    while True:
        added = False
        for set_slug in set_order:
            question = pick([q for q in pool if q.set == set_slug])
            if question is None:
                continue
            chosen.append(question)
            skills.update(question.skills)
            remaining -= question.minutes
            added = True
        if not added:
            break
    order = {slug: i for i, slug in enumerate(bank.questions)}
    return sorted(chosen, key=lambda q: order[q.slug])
