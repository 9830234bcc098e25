"""Soft word alignment between an answer and a reference, from the encoder's token vectors.

Each word piece of one text is matched to its most similar word piece in the other (cosine of
contextual token vectors). Recall asks how much of the reference the answer expresses; precision
how much of the answer is about the reference. Pieces that also occur in the question are set
aside in the "new" variants, so repeating the question earns nothing: an answer has to say what
the question did not. The idea follows BERTScore (Zhang et al. 2020); the code is ours.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SPECIAL = frozenset({"[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]"})


@dataclass(frozen=True)
class Tokens:
    """Unit-length contextual vectors of a text's word pieces, with the pieces themselves."""

    vectors: np.ndarray  # (n, d)
    pieces: tuple[str, ...]

    @classmethod
    def empty(cls, dim: int = 384) -> Tokens:
        return cls(np.zeros((0, dim), dtype=np.float32), ())

    @classmethod
    def from_output(cls, pieces: list[str], vectors: np.ndarray) -> Tokens:
        keep = [i for i, p in enumerate(pieces) if p not in SPECIAL and any(c.isalnum() for c in p)]
        if not keep:
            return cls.empty(vectors.shape[1] if vectors.ndim == 2 else 384)
        chosen = np.asarray(vectors[keep], dtype=np.float32)
        chosen /= np.linalg.norm(chosen, axis=1, keepdims=True) + 1e-9
        return cls(chosen, tuple(pieces[i] for i in keep))

    def __len__(self) -> int:
        return len(self.pieces)


ALIGNMENT_FEATURES = (
    "token_precision",  # mean best match of the answer's pieces in the reference
    "token_recall",  # mean best match of the reference's pieces in the answer
    "token_f1",
    "token_recall_new",  # recall over reference pieces the question does not contain
    "token_precision_new",  # precision over answer pieces the question does not contain
    "token_matched_new",  # share of those reference pieces with a close match (cosine >= 0.6)
)


def features(answer: Tokens, reference: Tokens, question: Tokens) -> list[float]:
    if not len(answer) or not len(reference):
        return [0.0] * len(ALIGNMENT_FEATURES)
    sims = answer.vectors @ reference.vectors.T
    best_for_answer = sims.max(axis=1)
    best_for_reference = sims.max(axis=0)
    precision = float(best_for_answer.mean())
    recall = float(best_for_reference.mean())
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    asked = set(question.pieces)
    new_ref = np.array([p not in asked for p in reference.pieces])
    new_ans = np.array([p not in asked for p in answer.pieces])
    recall_new = float(best_for_reference[new_ref].mean()) if new_ref.any() else recall
    precision_new = float(best_for_answer[new_ans].mean()) if new_ans.any() else 0.0
    matched_new = float((best_for_reference[new_ref] >= 0.6).mean()) if new_ref.any() else 0.0
    return [precision, recall, f1, recall_new, precision_new, matched_new]
