"""The frozen evaluation split: questions and graded answers that nothing trains or tunes on.

``content/evaluation/split.yaml`` names the held-out questions: at least a fifth of every
(set, level) stratum, chosen once with a fixed seed by :func:`choose_held_out` and then frozen
(the file is content, reviewed like code; it is never regenerated silently). Their graded answers
live under ``content/evaluation/answers/<set>/<slug>.yaml`` (the schema of
:mod:`mlinterview.bank.graded`), written by authors who saw neither the training answers nor
their brief. Answers to other questions by those authors live there too.

Rules the loader enforces, so that a leak fails ``bank validate``:
- a held-out question has no file under ``content/graded/`` (it is scored without graded
  answers of its own as evidence);
- no evaluation answer's text is also a training answer's text (compared after folding case
  and white space).
"""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from pydantic import Field

from mlinterview.bank.graded import GradedAnswers
from mlinterview.bank.schema import Question, Slug, Strict, Text

SPLIT_FILE = "evaluation/split.yaml"
DEFAULT_FRACTION = 0.2
DEFAULT_SEED = 13


class EvaluationSplit(Strict):
    """What ``content/evaluation/split.yaml`` holds."""

    fraction: float = Field(gt=0, lt=1)
    seed: int
    method: Text
    held_out: list[Slug] = Field(min_length=1)


def choose_held_out(
    questions: Iterable[Question],
    *,
    fraction: float = DEFAULT_FRACTION,
    seed: int = DEFAULT_SEED,
    keep: Iterable[str] = (),
) -> list[str]:
    """At least ``fraction`` of each (set, level) stratum, drawn with ``seed``; sorted slugs.

    ``keep`` names questions that must stay in training (for example ones that already have
    graded answers); they count towards their stratum's size but are never drawn.
    """
    kept = set(keep)
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    for question in questions:
        strata[(question.set, question.level.value)].append(question.slug)
    rng = random.Random(seed)
    chosen: list[str] = []
    for stratum in sorted(strata):
        slugs = sorted(strata[stratum])
        wanted = math.ceil(fraction * len(slugs))
        eligible = [slug for slug in slugs if slug not in kept]
        rng.shuffle(eligible)
        chosen.extend(eligible[:wanted])
    return sorted(chosen)


def stratum_shares(questions: Iterable[Question], held_out: Iterable[str]) -> dict[tuple[str, str], float]:
    """The share of each (set, level) stratum that is held out."""
    out = set(held_out)
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for question in questions:
        counts = totals[(question.set, question.level.value)]
        counts[0] += 1
        counts[1] += question.slug in out
    return {stratum: held / total for stratum, (total, held) in sorted(totals.items())}


def folded(text: str) -> str:
    """Text compared for leaks: lower case, runs of white space as one space."""
    return re.sub(r"\s+", " ", text).strip().lower()


def leaks(
    split: EvaluationSplit,
    graded: Mapping[str, GradedAnswers],
    evaluation: Mapping[str, GradedAnswers],
    questions: Mapping[str, Question],
) -> list[tuple[str, str]]:
    """(where, message) for every way the evaluation split leaks into training content."""
    problems: list[tuple[str, str]] = []
    for slug in split.held_out:
        if slug not in questions:
            problems.append(("held_out", f"unknown question {slug!r}"))
        elif slug in graded:
            problems.append(
                (
                    "held_out",
                    f"{slug!r} is held out but has training answers in graded/{questions[slug].set}/",
                )
            )
    training_texts = {
        folded(answer.text): f"{slug}/{answer.id}"
        for slug, answers in graded.items()
        for answer in answers.answers
    }
    for slug, answers in evaluation.items():
        for answer in answers.answers:
            twin = training_texts.get(folded(answer.text))
            if twin is not None:
                problems.append((f"{slug}/{answer.id}", f"the same text is a training answer ({twin})"))
    return problems
