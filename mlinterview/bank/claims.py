"""Claim variants: each key point and misconception said again, and turned around.

Training sentences for the scorer's reader (:mod:`mlinterview.scoring.reader_training`), written
as content and reviewed like the rest. One file per question, training questions only (a
question held out by the frozen evaluation split must not have one):

    content/claims/<set>/<question-slug>.yaml

    question: type-1-vs-type-2-errors
    points:
      - point: 1                      # the key point's number, from 1
        paraphrases: [...]            # the key point in other words (the reader must read: stated)
        contradictions: [...]         # alike in words, opposite in meaning: terms exchanged, a
                                      # direction reversed, a negation (read: contradicted)
    misconceptions:
      - misconception: 1              # the misconception's number, from 1
        restated: [...]               # the wrong claim in other words (read: states it)
        corrected: [...]              # the correction in other words (read: contradicts the claim)

The loader checks the numbers against the question and refuses a file for a held-out question.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import Field, StrictInt

from mlinterview.bank.schema import Question, Slug, Strict, Text

CLAIMS_FOLDER = "claims"


class PointVariants(Strict):
    point: StrictInt = Field(ge=1)
    paraphrases: list[Text] = Field(min_length=1)
    contradictions: list[Text] = Field(min_length=1)


class MisconceptionVariants(Strict):
    misconception: StrictInt = Field(ge=1)
    restated: list[Text] = Field(default_factory=list)
    corrected: list[Text] = Field(min_length=1)


class ClaimVariants(Strict):
    question: Slug
    points: list[PointVariants] = Field(default_factory=list)
    misconceptions: list[MisconceptionVariants] = Field(default_factory=list)


def claim_files(root: Path) -> list[Path]:
    folder = root / CLAIMS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def cross_check(
    variants: ClaimVariants, path: Path, questions: Mapping[str, Question], held_out: frozenset[str]
) -> list[tuple[str, str]]:
    """(field, message) for what one claims file gets wrong about its question."""
    problems: list[tuple[str, str]] = []
    if path.stem != variants.question:
        problems.append(("question", f"{variants.question!r} does not match the file name {path.name!r}"))
    question = questions.get(variants.question)
    if question is None:
        return [*problems, ("question", f"unknown question {variants.question!r}")]
    if variants.question in held_out:
        problems.append(
            ("question", f"{variants.question!r} is held out for evaluation: no training sentences for it")
        )
    if path.parent.name != question.set:
        where = f"{variants.question!r} is in set {question.set!r}; move the file there"
        problems.append(("question", where))
    if question.signals is not None:
        problems.append(("points", "an open-ended question has signals, not key points to restate"))
        return problems
    for name, entries, count in (
        ("points", [e.point for e in variants.points], len(question.key_points)),
        ("misconceptions", [e.misconception for e in variants.misconceptions], len(question.misconceptions)),
    ):
        seen: set[int] = set()
        for index, number in enumerate(entries):
            if number > count:
                message = f"number {number} is out of range (the question has {count})"
                problems.append((f"{name}.{index}", message))
            if number in seen:
                problems.append((f"{name}.{index}", f"number {number} is listed twice"))
            seen.add(number)
    return problems
