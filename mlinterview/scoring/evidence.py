"""Match an answer against a rubric: which key points it covers, which misconceptions it states.

The answer is cut into units (sentences, and pairs of neighbouring sentences, since one idea is
often spread over two). A key point is covered when some unit is close to it in embedding space
*and* that unit is closer to the key point than to any misconception *and* the two agree in
polarity (no negation or antonym flip between them). A misconception is stated when a unit is
close to its claim, closer to it than to the key points, and of the same polarity. This is what
keeps a fluent answer that swaps two concepts from scoring well on similarity alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mlinterview.scoring import text

COVER_THRESHOLD = 0.55
PARTIAL_THRESHOLD = 0.40
MISCONCEPTION_THRESHOLD = 0.62
CONTRAST_MARGIN = 0.02


@dataclass(frozen=True)
class Rubric:
    """What an answer is measured against; built from a bank question or a dataset's reference."""

    key: str
    question: str
    points: tuple[str, ...]
    misconceptions: tuple[tuple[str, str], ...] = ()  # (claim, correction)
    red_flags: tuple[str, ...] = ()  # signals of a weak answer (open-ended questions)
    reference: str = ""


@dataclass
class PointMatch:
    text: str
    similarity: float
    covered: bool
    evidence: str


@dataclass
class MisconceptionMatch:
    text: str
    correction: str
    similarity: float
    evidence: str


@dataclass
class Evidence:
    units: list[str]
    points: list[PointMatch] = field(default_factory=list)
    misconceptions: list[MisconceptionMatch] = field(default_factory=list)
    answer_reference: float = 0.0
    answer_question: float = 0.0
    best_unit_reference: float = 0.0  # the closest sentence (or pair) to the reference
    alignment: list[float] = field(default_factory=list)  # see alignment.ALIGNMENT_FEATURES


def answer_units(sentences: list[str], vectors: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Sentences, then each pair of neighbouring sentences (one idea often spans two), with
    vectors: a pair's vector is the normalised sum of its sentences' unit vectors."""
    if len(sentences) < 2:
        return list(sentences), vectors
    pairs = vectors[:-1] + vectors[1:]
    pairs /= np.linalg.norm(pairs, axis=1, keepdims=True) + 1e-9
    texts = list(sentences) + [f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False)]
    return texts, np.vstack([vectors, pairs]).astype(np.float32)


def _agrees(unit: str, statement: str) -> bool:
    """False when some clause of the statement is contradicted by a matching clause of the unit.

    Clauses are compared, not whole texts: "the first is higher in training and the second is
    lower" holds both words of the pair (higher, lower), so only clause by clause does an exchange
    show. A statement clause is checked against the unit clause sharing most of its words;
    when they share at least half, a flipped negation or an antonym swap is a contradiction.
    Clauses the unit words differently cannot be judged here and do not count against it.
    """
    if text.antonym_conflict(unit, statement):
        return False  # e.g. "closest" against "farthest", each on one side only
    unit_clauses = text.clauses(unit)
    for part in text.clauses(statement):
        if len(text.content_stems(part)) < 2:
            continue
        best = max(unit_clauses, key=lambda c: text.overlap(part, c), default="")
        if text.overlap(part, best) >= 0.5 and (
            text.is_negated(best) != text.is_negated(part) or text.antonym_conflict(best, part)
        ):
            return False
    return True


def match(
    rubric: Rubric,
    units: list[str],
    unit_vectors: np.ndarray,
    point_vectors: np.ndarray,
    claim_vectors: np.ndarray,
    sentences: int | None = None,
    correction_vectors: np.ndarray | None = None,
) -> tuple[list[PointMatch], list[MisconceptionMatch]]:
    """Coverage may come from any unit; misconceptions only from single sentences (the first
    ``sentences`` units), since a pair mixes two statements and reads like neither. A sentence
    at least as close to a misconception's correction as to its claim is not stating it."""
    if not units:
        return [PointMatch(p, 0.0, False, "") for p in rubric.points], []
    to_points = unit_vectors @ point_vectors.T if len(rubric.points) else np.zeros((len(units), 0))
    to_claims = unit_vectors @ claim_vectors.T if len(rubric.misconceptions) else np.zeros((len(units), 0))
    best_claim_per_unit = to_claims.max(axis=1) if to_claims.shape[1] else np.full(len(units), -1.0)
    best_point_per_unit = to_points.max(axis=1) if to_points.shape[1] else np.full(len(units), -1.0)

    points = []
    for j, point in enumerate(rubric.points):
        order = np.argsort(-to_points[:, j])
        chosen = None
        for i in order[:4]:
            sim = float(to_points[i, j])
            if sim < PARTIAL_THRESHOLD:
                break
            closest_claim = int(np.argmax(to_claims[i])) if to_claims.shape[1] else -1
            if (
                sim + CONTRAST_MARGIN < best_claim_per_unit[i]
                and best_claim_per_unit[i] >= PARTIAL_THRESHOLD
                and _agrees(units[i], rubric.misconceptions[closest_claim][0])
            ):
                continue  # this unit is really stating a misconception
            if not _agrees(units[i], point):
                continue
            chosen = (i, sim)
            break
        if chosen is None:
            points.append(PointMatch(point, float(to_points[:, j].max()), False, ""))
        else:
            i, sim = chosen
            points.append(
                PointMatch(point, sim, sim >= COVER_THRESHOLD, units[i] if sim >= COVER_THRESHOLD else "")
            )

    stated = []
    single = len(units) if sentences is None else sentences
    for k, (claim, correction) in enumerate(rubric.misconceptions):
        i = int(np.argmax(to_claims[:single, k]))
        sim = float(to_claims[i, k])
        if sim < MISCONCEPTION_THRESHOLD or not _agrees(units[i], claim):
            continue
        closest_point = rubric.points[int(np.argmax(to_points[i]))] if to_points.shape[1] else ""
        if sim + CONTRAST_MARGIN < best_point_per_unit[i] and not _flips_a_point(units[i], (closest_point,)):
            continue  # closer to a correct statement, and not a swapped version of one
        if (
            correction_vectors is not None
            and k < len(correction_vectors)
            and unit_vectors[i] @ correction_vectors[k] >= sim
        ):
            continue  # it says what the correction says
        stated.append(MisconceptionMatch(claim, correction, sim, units[i]))
    return points, stated


def _flips_a_point(unit: str, points: tuple[str, ...]) -> bool:
    """The unit reads like the key point it is closest to, with a negation or an antonym flipped."""
    return any(text.overlap(unit, point) >= 0.5 and not _agrees(unit, point) for point in points)
