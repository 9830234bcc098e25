"""The numbers the learned calibration turns into a score, computed the same way for bank
questions (rubric from key points) and for benchmark datasets (rubric from a reference answer).

Only features that padding cannot raise are used. In the graded datasets longer answers earn
more, so a calibration that sees length, or any precision-like measure that padding dilutes
(the whole answer's cosine, the share of its words found in the reference), learns to pay for
filler: an on-topic sentence plus a paragraph of platitudes scored a full point more. Without
them, leave-one-assignment-out r on Mohler went from 0.633 to 0.627, a price worth paying.
"""

from __future__ import annotations

import numpy as np

from mlinterview.scoring import text
from mlinterview.scoring.alignment import ALIGNMENT_FEATURES
from mlinterview.scoring.evidence import Evidence, Rubric

FEATURES = (
    "coverage",  # share of key points covered
    "soft_coverage",  # mean of per-point similarity, rescaled to 0..1
    "best_point_similarity",  # mean of each point's best similarity
    "reference_recall",  # share of the reference's content words (not in the question) used
    "best_unit_reference",  # cosine of the closest sentence or pair to the reference
    "misconceptions",  # how many misconceptions are stated
    "function_words",  # share of function words (explanations have glue words)
    "token_recall",  # soft word alignment with the reference (see alignment.py)
    "token_recall_new",
    "token_matched_new",
)


def soft(similarity: float) -> float:
    return float(np.clip((similarity - 0.30) / 0.40, 0.0, 1.0))


def compute(rubric: Rubric, answer: str, evidence: Evidence) -> np.ndarray:
    points = evidence.points
    reference = rubric.reference or " ".join(rubric.points)
    demoted = " ".join(w for w in text.words(reference) if w not in set(text.words(rubric.question)))
    values = {
        "coverage": sum(p.covered for p in points) / len(points) if points else 0.0,
        "soft_coverage": sum(soft(p.similarity) for p in points) / len(points) if points else 0.0,
        "best_point_similarity": sum(p.similarity for p in points) / len(points) if points else 0.0,
        "reference_recall": text.overlap(demoted, answer)
        if demoted.strip()
        else text.overlap(reference, answer),
        "best_unit_reference": evidence.best_unit_reference,
        "misconceptions": float(len(evidence.misconceptions)),
        "function_words": text.function_word_ratio(answer),
        **dict(zip(ALIGNMENT_FEATURES, evidence.alignment or [0.0] * len(ALIGNMENT_FEATURES), strict=True)),
    }
    return np.asarray([values[name] for name in FEATURES], dtype=np.float64)
