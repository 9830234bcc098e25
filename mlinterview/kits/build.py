"""Choosing a kit: the questions for a level and a time budget, drawn from the bank by seed.

Without a seed a kit is drawn with a fresh random one (kept on the kit, so entering it again
gives the same kit). Questions the candidate already met can be kept out of the draw.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mlinterview.bank.loader import Bank
from mlinterview.bank.schema import Level, Question
from mlinterview.bank.selection import CORE_SETS, SelectionRequest, new_seed, select_questions


@dataclass(frozen=True)
class Kit:
    level: Level
    minutes: int
    seed: int
    questions: tuple[Question, ...]
    set_titles: dict[str, str] = field(default_factory=dict)
    skill_names: dict[str, str] = field(default_factory=dict)
    # Bank questions kept out of the draw because the candidate already met them.
    left_out: tuple[str, ...] = ()

    @property
    def total_minutes(self) -> int:
        return sum(q.minutes for q in self.questions)

    @property
    def core_sets_covered(self) -> list[str]:
        return [s for s in CORE_SETS if any(q.set == s for q in self.questions)]

    def assesses(self, question: Question) -> str:
        skills = [self.skill_names.get(s, s) for s in question.skills]
        return f"{question.topic}" + (f" ({', '.join(skills)})" if skills else "")


def build_kit(
    bank: Bank,
    *,
    level: Level | str,
    minutes: int,
    seed: int | None = None,
    include_sets: tuple[str, ...] = (),
    exclude_sets: tuple[str, ...] = (),
    include_tags: tuple[str, ...] = (),
    exclude_tags: tuple[str, ...] = (),
    exclude_questions: frozenset[str] = frozenset(),
) -> Kit:
    """The kit for ``level`` and ``minutes``; ``seed`` None draws a fresh one (``Kit.seed`` says
    which); ``exclude_questions`` (slugs) are never chosen."""
    level = Level(level)
    if seed is None:
        seed = new_seed()
    unknown = [s for s in (*include_sets, *exclude_sets) if s not in bank.sets]
    if unknown:
        raise ValueError(f"unknown set(s): {', '.join(unknown)}; known: {', '.join(bank.sets)}")
    if not 5 <= minutes <= 240:
        raise ValueError("minutes must be between 5 and 240")
    request = SelectionRequest(
        level=level,
        minutes=minutes,
        seed=seed,
        include_sets=include_sets,
        exclude_sets=exclude_sets,
        include_tags=include_tags,
        exclude_tags=exclude_tags,
        exclude_slugs=frozenset(exclude_questions),
    )
    chosen = select_questions(bank, request)
    if not chosen:
        raise ValueError("no question fits these filters and this time budget")
    return Kit(
        level=level,
        minutes=minutes,
        seed=seed,
        questions=tuple(chosen),
        set_titles={slug: s.title for slug, s in bank.sets.items()},
        skill_names={s.slug: s.name for s in bank.role_profile.core_skills},
        left_out=tuple(slug for slug in bank.questions if slug in exclude_questions),
    )
