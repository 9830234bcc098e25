"""From the reader's probabilities to verdicts per key point, and from verdicts to a score.

For one answer to one question the reader (:mod:`mlinterview.scoring.reader`) judges:
each key point (or strong signal), each misconception's claim, and the question's prompt (for
relevance). :func:`verdicts` turns those probabilities into the verdicts of
:mod:`mlinterview.scoring.rules` with the thresholds shipped in the reader's manifest:

- a key point is *contradicted* when P(contradicted) >= ``contradicted`` and exceeds P(entailed);
  otherwise *covered* when P(entailed) >= ``covered``, *partly covered* when P(entailed) >=
  ``partial``, else *missing*;
- a misconception is *stated* when P(entailed) of its claim >= ``misconception``; a sentence that
  states the correction reads as the claim's opposite, so it never counts as stating it;
- the answer is *off topic* when P(relevant) < ``relevant`` and no key point is covered.

The thresholds are chosen on the development questions only (:func:`tune`), never on the frozen
evaluation split. The candidate's sentence quoted for each verdict is the sentence the reader
finds most strongly entails (or contradicts) the claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from mlinterview.bank.loader import Bank
from mlinterview.bank.schema import Question
from mlinterview.scoring import rules
from mlinterview.scoring.reader import (
    CONTRADICTED,
    ENTAILED,
    MAX_CLAIM_TOKENS,
    Reader,
    Reading,
)

DEFAULT_THRESHOLDS = {
    "covered": 0.5,
    "partial": 0.25,
    "contradicted": 0.5,
    "misconception": 0.6,
    "relevant": 0.4,
}


@dataclass
class Probabilities:
    """What the reader found in one answer."""

    points: np.ndarray  # key points x 3 (reader.LABELS)
    misconceptions: np.ndarray  # misconceptions x 3
    relevant: float


@dataclass
class RubricReadings:
    """A question's claims read once by the lower layers (cached per process by the caller)."""

    points: list[Reading]
    misconceptions: list[Reading]
    prompt: Reading


def claims_read(question: Question) -> list[str]:
    """The texts a rubric's reading holds, in :func:`read_rubrics`' order."""
    return [*question.graded_points, *(m.claim for m in question.misconceptions), question.prompt]


def read_rubrics(reader: Reader, questions: Sequence[Question]) -> list[RubricReadings]:
    """The claims of several rubrics read in one pass of the lower layers.

    Reading every claim of a batch's rubrics together, sorted by length, costs far less than one
    small pass per rubric (three per question before): the speed bench's answers each go to a
    different question, so their rubrics are all read for the first time.
    """
    texts = [claim for question in questions for claim in claims_read(question)]
    read = reader.read(texts, MAX_CLAIM_TOKENS, batch_size=64)
    out: list[RubricReadings] = []
    start = 0
    for question in questions:
        points = len(question.graded_points)
        misconceptions = len(question.misconceptions)
        block = read[start : start + points + misconceptions + 1]
        out.append(RubricReadings(block[:points], block[points:-1], block[-1]))
        start += len(block)
    return out


def probabilities(
    reader: Reader, rubrics: Sequence[RubricReadings], answers: Sequence[Reading]
) -> list[Probabilities]:
    """Judge every claim of each answer's rubric against the answer, in one batch."""
    pairs: list[tuple[Reading, Reading]] = []
    spans: list[tuple[int, int, int]] = []
    for rubric, answer in zip(rubrics, answers, strict=True):
        start = len(pairs)
        pairs += [(claim, answer) for claim in rubric.points]
        middle = len(pairs)
        pairs += [(claim, answer) for claim in rubric.misconceptions]
        end = len(pairs)
        pairs.append((rubric.prompt, answer))
        spans.append((start, middle, end))
    nli, relevance = reader.judge(pairs)
    return [
        Probabilities(nli[start:middle], nli[middle:end], float(relevance[end]))
        for start, middle, end in spans
    ]


def verdicts(
    question: Question, found: Probabilities, thresholds: dict[str, float], quotes: Sequence[str] = ()
) -> rules.RuleScore:
    """The rules' score for one answer read with ``thresholds``."""
    claims = question.graded_points
    point_verdicts: list[rules.PointVerdict] = []
    for number, claim in enumerate(claims):
        entailed, contradicted = found.points[number, ENTAILED], found.points[number, CONTRADICTED]
        quote = _quote(quotes, number)
        if contradicted >= thresholds["contradicted"] and contradicted > entailed:
            verdict = rules.Verdict.contradicted
        elif entailed >= thresholds["covered"]:
            verdict = rules.Verdict.covered
        elif entailed >= thresholds["partial"]:
            verdict = rules.Verdict.partial
        else:
            verdict, quote = rules.Verdict.missing, ""
        point_verdicts.append(rules.PointVerdict(claim, verdict, quote))
    stated = [
        rules.StatedMisconception(m.claim, m.correction, _quote(quotes, len(claims) + n))
        for n, m in enumerate(question.misconceptions)
        if found.misconceptions[n, ENTAILED] >= thresholds["misconception"]
    ]
    nothing = all(v.verdict in (rules.Verdict.missing, rules.Verdict.contradicted) for v in point_verdicts)
    off_topic = nothing and found.relevant < thresholds["relevant"]
    return rules.apply(point_verdicts, stated, off_topic=off_topic)


def _quote(quotes: Sequence[str], index: int) -> str:
    return quotes[index] if index < len(quotes) else ""


# --- choosing the thresholds on the development questions -----------------------------------

GRID = {
    "covered": (0.3, 0.4, 0.5, 0.6, 0.7),
    "partial": (0.1, 0.15, 0.2, 0.3),
    "contradicted": (0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
    "misconception": (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98),
    "relevant": (0.1, 0.2, 0.3, 0.4, 0.5, 0.6),
}
LOW_KINDS = ("swapped-concept", "off-topic", "keyword-list", "misconception")


def objective(
    scores: np.ndarray, grades: np.ndarray, kinds: Sequence[str], flagged: np.ndarray
) -> dict[str, float]:
    """The issue's bars as one number to maximise (Spearman plus the shares that must be high)."""
    from scipy.stats import spearmanr

    rho = float(spearmanr(scores, grades).statistic) if len(set(scores.tolist())) > 1 else 0.0
    kinds_arr = np.array(kinds)
    high = grades >= 4
    # The bar holds within each kind, so each low kind counts the same however many answers it has.
    shares = [
        float((scores[(kinds_arr == kind) & (grades <= 1)] <= 1.5).mean())
        for kind in LOW_KINDS
        if ((kinds_arr == kind) & (grades <= 1)).any()
    ]
    low_share = float(np.mean(shares)) if shares else 1.0
    high_share = float((scores[high] >= 3.5).mean()) if high.any() else 1.0
    flagged_share = float(flagged[high].mean()) if high.any() else 0.0
    value = rho + 0.5 * low_share + 0.5 * high_share - 2.0 * max(0.0, flagged_share - 0.02)
    return {
        "value": value,
        "spearman": rho,
        "low_share": low_share,
        "high_share": high_share,
        "flagged_share": flagged_share,
    }


def tune(bank: Bank, slugs: Sequence[str], reader: Reader) -> dict[str, Any]:
    """Thresholds that maximise :func:`objective` on the graded answers to ``slugs``."""
    items: list[tuple[Question, Probabilities, float, str]] = []
    for slug in slugs:
        question = bank.get(slug)
        answers = bank.graded[slug].answers
        rubric = read_rubrics(reader, [question])[0]
        readings = reader.read_answers([a.text for a in answers])
        found = probabilities(reader, [rubric] * len(answers), readings)
        items += [(question, f, a.grade, a.kind.value) for a, f in zip(answers, found, strict=True)]
    grades = np.array([grade for _, _, grade, _ in items])
    kinds = [kind for _, _, _, kind in items]

    def evaluate(thresholds: dict[str, float]) -> dict[str, float]:
        results = [verdicts(q, f, thresholds) for q, f, _, _ in items]
        scores = np.array([r.score for r in results])
        flagged = np.array([bool(r.misconceptions) for r in results])
        return objective(scores, grades, kinds, flagged)

    best = dict(DEFAULT_THRESHOLDS)
    best_result = evaluate(best)
    for _ in range(3):  # coordinate ascent over the grid
        improved = False
        for name, values in GRID.items():
            for value in values:
                candidate = best | {name: value}
                if candidate["partial"] >= candidate["covered"]:
                    continue
                result = evaluate(candidate)
                if result["value"] > best_result["value"] + 1e-9:
                    best, best_result, improved = candidate, result, True
        if not improved:
            break
    return best_result | {"thresholds": best, "answers": len(items)}


# --- the reader's judgements as features for the public benchmarks ---------------------------


def public_features(
    reader: Reader, points: Sequence[Sequence[str]], questions: Sequence[str], answers: Sequence[str]
) -> np.ndarray:
    """Five columns per answer for datasets whose rubric is a reference answer cut in sentences.

    The mean and the maximum of P(entailed) over the reference's sentences, the mean and the
    maximum of P(contradicted), and P(relevant) to the question. The benchmarks add them to the
    similarity features (``bench/mohler.py``, ``bench/semeval.py``).
    """
    claims = sorted({c for group in points for c in group} | set(questions))
    read_claims = dict(zip(claims, reader.read(claims, MAX_CLAIM_TOKENS), strict=True))
    distinct = sorted(set(answers))
    read_answers = dict(zip(distinct, reader.read_answers([a or "." for a in distinct]), strict=True))
    pairs: list[tuple[Reading, Reading]] = []
    spans: list[tuple[int, int]] = []
    for group, question, answer in zip(points, questions, answers, strict=True):
        start = len(pairs)
        pairs += [(read_claims[c], read_answers[answer]) for c in group]
        pairs.append((read_claims[question], read_answers[answer]))
        spans.append((start, len(pairs) - 1))
    nli, relevance = reader.judge(pairs)
    rows = []
    for start, end in spans:
        entailed, contradicted = nli[start:end, ENTAILED], nli[start:end, CONTRADICTED]
        rows.append(
            [entailed.mean(), entailed.max(), contradicted.mean(), contradicted.max(), relevance[end]]
        )
    return np.asarray(rows, dtype=np.float32)
