"""The local scorer: the reader's verdicts per key point, scored by the rubric rules.

For each answer: the reader (:mod:`mlinterview.scoring.reader`) judges every key point (or strong
signal of an open-ended question), every misconception's claim and the question's prompt;
:mod:`mlinterview.scoring.reading` turns the probabilities into verdicts with the thresholds in
the reader's manifest; :func:`mlinterview.scoring.rules.apply` computes the score. So the score
follows the rules written in :mod:`mlinterview.scoring.rules`:

- off topic: 0, and the feedback says the answer does not address the question;
- no key point covered: at most 1;
- score ``1 + 4 * coverage`` (a key point covered counts 1, partly covered 1/2), so 4 or more
  needs at least three quarters of the key points covered;
- a contradicted key point caps the score at 2 (at 1 when contradicted points are at least as
  many as covered ones); a stated misconception caps it at 1.5 and is reported once.

An empty answer, filler words only, or a copy of the question scores 0 before the reader is
asked; a sentence repeated word for word is read once (:func:`without_repeats`). Each verdict
quotes the candidate's sentence that the reader finds states (or contradicts) the claim most
clearly.

A rubric's claims are read once per process (a few milliseconds: the reader's lower layers on a
dozen short sentences), so the first answer to a question costs about what the next one does.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mlinterview.bank.schema import Question
from mlinterview.scoring import reader as reader_module
from mlinterview.scoring import reading, rules, text
from mlinterview.scoring.engine import RubricScore
from mlinterview.scoring.reader import CONTRADICTED, ENTAILED, Reader


@dataclass
class ReaderResult(RubricScore):
    """A :class:`RubricScore` with what the rules add: contradicted points, off topic, caps."""

    contradicted: list[dict[str, Any]] = field(default_factory=list)  # key points stated wrongly
    off_topic: bool = False
    caps: list[str] = field(default_factory=list)  # the rules that lowered the score, in words

    def to_dict(self) -> dict[str, Any]:
        return {
            **super().to_dict(),
            "contradicted": self.contradicted,
            "off_topic": self.off_topic,
            "caps": self.caps,
        }


class ReaderScorer:
    """Thread-safe; ``score`` and ``score_many`` like :class:`mlinterview.scoring.engine.Scorer`."""

    def __init__(self, reader: Reader | None = None) -> None:
        self._reader = reader
        self._lock = threading.Lock()
        self._rubrics: dict[tuple[str, int], reading.RubricReadings] = {}

    @property
    def reader(self) -> Reader:
        if self._reader is None:
            self._reader = reader_module.get_reader()
        return self._reader

    @property
    def version(self) -> str:
        return self.reader.version

    def rubric(self, question: Question) -> reading.RubricReadings:
        return self.rubrics([question])[0]

    def rubrics(self, questions: Sequence[Question]) -> list[reading.RubricReadings]:
        """Each question's claims, read once per process; those not read yet are read together."""
        keys = [_rubric_key(question) for question in questions]
        with self._lock:
            found = {key: self._rubrics[key] for key in keys if key in self._rubrics}
        unread = {key: question for key, question in zip(keys, questions, strict=True) if key not in found}
        if unread:
            fresh = reading.read_rubrics(self.reader, list(unread.values()))
            with self._lock:
                for key, read in zip(unread, fresh, strict=True):
                    self._rubrics[key] = found[key] = read
        return [found[key] for key in keys]

    def score(self, question: Question, answer: str) -> ReaderResult:
        return self.score_many([(question, answer)])[0]

    def score_many(self, items: Sequence[tuple[Question, str]]) -> list[ReaderResult]:
        results: list[ReaderResult | None] = [None] * len(items)
        to_read: list[int] = []
        for n, (question, answer) in enumerate(items):
            gate = _gate(question, answer)
            if gate:
                results[n] = _gated(question, gate)
            else:
                to_read.append(n)
        if to_read:
            reader = self.reader
            answers = reader.read_answers([without_repeats(items[n][1]) for n in to_read])
            rubrics = self.rubrics([items[n][0] for n in to_read])
            found = reading.probabilities(reader, rubrics, answers)
            thresholds = reader.thresholds or reading.DEFAULT_THRESHOLDS
            firsts = [
                reading.verdicts(items[n][0], probabilities, thresholds)
                for n, probabilities in zip(to_read, found, strict=True)
            ]
            quotes = self._quotes([items[n] for n in to_read], firsts, found)
            for n, probabilities, (quoted, support) in zip(to_read, found, quotes, strict=True):
                question = items[n][0]
                ruled = reading.verdicts(question, probabilities, thresholds, quoted)
                results[n] = _result(question, ruled, probabilities, thresholds, support)
        return [r for r in results if r is not None]

    def _quotes(
        self,
        items: Sequence[tuple[Question, str]],
        ruled: Sequence[rules.RuleScore],
        found: Sequence[reading.Probabilities],
    ) -> list[tuple[list[str], list[float]]]:
        """For each answer, each claim with a verdict to show gets the answer's sentence that
        supports it best, and how strongly that sentence read alone supports it (the reader's
        probability of the verdict's label). The sentences of all the answers are read, and
        judged, in one batch. A one-sentence answer is its own quote, with the answer's reading."""
        out: list[tuple[list[str], list[float]]] = []
        jobs: list[tuple[int, int, int, list[str]]] = []  # (answer, claim index, label, sentences)
        for (question, answer), result, probabilities in zip(items, ruled, found, strict=True):
            wanted = _wanted(question, result)
            quotes = [""] * (len(question.graded_points) + len(question.misconceptions))
            support = [0.0] * len(quotes)
            sentences = text.distinct_sentences(answer) or [answer.strip()]
            if len(sentences) == 1:  # the answer's own reading is the sentence's
                read_whole = np.concatenate([probabilities.points, probabilities.misconceptions])
                for index, label in wanted.items():
                    quotes[index] = sentences[0]
                    support[index] = float(read_whole[index, label])
            else:
                jobs += [(len(out), index, label, sentences) for index, label in wanted.items()]
            out.append((quotes, support))
        if not jobs:
            return out
        distinct = sorted({s for *_, sentences in jobs for s in sentences})
        read = dict(zip(distinct, self.reader.read_answers(distinct), strict=True))
        claims: dict[int, list[reader_module.Reading]] = {}  # answer -> its rubric's claims, read
        pairs: list[tuple[reader_module.Reading, reader_module.Reading]] = []
        for answer_index, index, _, sentences in jobs:
            if answer_index not in claims:
                rubric = self.rubric(items[answer_index][0])
                claims[answer_index] = [*rubric.points, *rubric.misconceptions]
            pairs += [(claims[answer_index][index], read[s]) for s in sentences]
        nli, _ = self.reader.judge(pairs)
        start = 0
        for answer_index, index, label, sentences in jobs:
            block = nli[start : start + len(sentences), label]
            best = int(np.argmax(block))
            out[answer_index][0][index] = sentences[best]
            out[answer_index][1][index] = float(block[best])
            start += len(sentences)
        return out


def without_repeats(answer: str) -> str:
    """The answer as it is read: a sentence said again word for word is read once (saying a
    thing twice adds nothing to it). An answer without repeats is read exactly as written."""
    unique = text.distinct_sentences(answer)
    return answer if len(unique) == len(text.sentences(answer)) else " ".join(unique)


def _rubric_key(question: Question) -> tuple[str, int]:
    """Keyed by what is read, so an edited question is read again."""
    return (question.slug, hash(tuple(reading.claims_read(question))))


def _wanted(question: Question, ruled: rules.RuleScore) -> dict[int, int]:
    """Claim index (key points, then misconceptions) -> the label its quote must show."""
    claims = question.graded_points
    wanted: dict[int, int] = {}
    for number, claim in enumerate(claims):
        for verdict in (*ruled.covered, *ruled.contradicted):
            if verdict.point == claim:
                wanted[number] = CONTRADICTED if verdict.verdict == rules.Verdict.contradicted else ENTAILED
    stated = {m.claim for m in ruled.misconceptions}
    for number, misconception in enumerate(question.misconceptions):
        if misconception.claim in stated:
            wanted[len(claims) + number] = ENTAILED
    return wanted


def _gate(question: Question, answer: str) -> str:
    stripped = answer.strip()
    if not stripped or not text.content_stems(stripped):
        return "The answer is empty."
    if text.is_filler(stripped):
        return "The answer has no content, only filler words."
    if text.overlap(stripped, question.prompt) >= 0.8 and text.overlap(question.prompt, stripped) >= 0.8:
        return "The answer repeats the question instead of answering it."
    return ""


def _gated(question: Question, gate: str) -> ReaderResult:
    return ReaderResult(
        slug=question.slug,
        score=0.0,
        band=0,
        key_points=[
            {
                "text": c,
                "covered": False,
                "verdict": "missing",
                "evidence": "",
                "entailed": 0.0,
                "contradicted": 0.0,
                "support": None,
                "stands_alone": None,
            }
            for c in question.graded_points
        ],
        misconceptions=[],
        confidence=0.95,
        feedback=gate + " It scores 0.",
        gates=[gate],
    )


def _result(
    question: Question,
    ruled: rules.RuleScore,
    found: reading.Probabilities,
    thresholds: dict[str, float],
    support: Sequence[float],
) -> ReaderResult:
    by_claim: dict[str, rules.PointVerdict] = {
        v.point: v for v in (*ruled.covered, *ruled.missing, *ruled.contradicted)
    }
    key_points: list[dict[str, Any]] = []
    for number, claim in enumerate(question.graded_points):
        verdict = by_claim.get(claim, rules.PointVerdict(claim, rules.Verdict.missing))
        key_points.append(
            {
                "text": claim,
                "covered": verdict.verdict in (rules.Verdict.covered, rules.Verdict.partial),
                "verdict": verdict.verdict.value,
                "evidence": verdict.quote,
                "entailed": round(float(found.points[number, ENTAILED]), 3),
                "contradicted": round(float(found.points[number, CONTRADICTED]), 3),
                **_support(verdict.quote, support[number], thresholds.get(verdict.verdict.value)),
            }
        )
    claims = [m.claim for m in question.misconceptions]
    misconceptions = [
        {
            "text": m.claim,
            "correction": m.correction,
            "evidence": m.quote,
            **_support(
                m.quote,
                support[len(question.graded_points) + claims.index(m.claim)],
                thresholds["misconception"],
            ),
        }
        for m in ruled.misconceptions
    ]
    margins = [
        min(abs(float(found.points[n, ENTAILED]) - thresholds["covered"]) / 0.3, 1.0)
        for n in range(len(key_points))
    ] or [0.0]
    confidence = float(np.clip(0.35 + 0.6 * float(np.mean(margins)), 0.05, 0.95))
    if question.signals is not None:
        confidence *= 0.6
    feedback = ruled.feedback()
    open_ended = (
        " This question is open-ended: the score is a rough guide against the signals of a strong answer."
    )
    if question.signals is not None and not ruled.off_topic:
        feedback += open_ended
    gates = ["The answer does not address the question."] if ruled.off_topic else []
    return ReaderResult(
        slug=question.slug,
        score=ruled.score,
        band=int(np.floor(ruled.score + 0.5)),
        key_points=key_points,
        misconceptions=misconceptions,
        confidence=round(confidence, 2),
        feedback=feedback,
        gates=gates,
        contradicted=[{"text": v.point, "evidence": v.quote} for v in ruled.contradicted],
        off_topic=ruled.off_topic,
        caps=list(ruled.caps),
    )


def _support(quote: str, probability: float, threshold: float | None) -> dict[str, Any]:
    """How well the quoted sentence, read on its own, bears out its verdict: ``support`` is the
    reader's probability of the verdict's label for that sentence alone, and ``stands_alone``
    says whether that reaches the verdict's own threshold. When it does not, the verdict comes
    from the answer read as a whole and the quote is only the sentence closest to it (pages say
    so). No quote, no support."""
    if not quote or threshold is None:
        return {"support": None, "stands_alone": None}
    return {"support": round(probability, 3), "stands_alone": probability >= threshold}


_shared: ReaderScorer | None = None
_shared_lock = threading.Lock()


def get_scorer() -> ReaderScorer:
    """The process-wide scorer of text answers (the reader loads on first use, then is shared)."""
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = ReaderScorer()
    return _shared
