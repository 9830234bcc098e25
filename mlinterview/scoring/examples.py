"""Nearest graded answers as evidence: when people have already graded answers to a question,
an answer very close to one they accepted (or rejected) says a lot about its own grade.

Used by the SemEval benchmark (its protocol trains on graded answers to the same questions) and
available to any caller that has graded examples; the bank scorer works without any.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

import numpy as np

EXAMPLE_FEATURES = ("closest_accepted", "closest_rejected", "neighbour_grade")


class GradedExamples:
    """Unit-length answer vectors with their grades (0..1), grouped by question."""

    def __init__(self, k: int = 5) -> None:
        self.k = k
        self._vectors: dict[Hashable, list[np.ndarray]] = defaultdict(list)
        self._grades: dict[Hashable, list[float]] = defaultdict(list)
        self._ids: dict[Hashable, list[Hashable]] = defaultdict(list)

    def add(self, question: Hashable, vector: np.ndarray, grade: float, example_id: Hashable = None) -> None:
        self._vectors[question].append(np.asarray(vector, dtype=np.float32))
        self._grades[question].append(float(grade))
        self._ids[question].append(example_id)

    def __contains__(self, question: Hashable) -> bool:
        return bool(self._vectors.get(question))

    def features(self, question: Hashable, vector: np.ndarray, exclude: Hashable = None) -> list[float]:
        """[best similarity to an accepted example, to a rejected one, mean grade of the k nearest].

        ``exclude`` leaves out one example (the answer itself, when features are built for
        training), so no answer is ever its own neighbour.
        """
        ids = self._ids.get(question, [])
        keep = [i for i, e in enumerate(ids) if exclude is None or e != exclude]
        if not keep:
            return [0.0, 0.0, 0.5]
        matrix = np.vstack([self._vectors[question][i] for i in keep])
        grades = np.array([self._grades[question][i] for i in keep])
        sims = matrix @ vector
        accepted, rejected = sims[grades >= 0.5], sims[grades < 0.5]
        nearest = np.argsort(-sims)[: self.k]
        return [
            float(accepted.max()) if accepted.size else 0.0,
            float(rejected.max()) if rejected.size else 0.0,
            float(grades[nearest].mean()),
        ]

    def features_many(
        self, questions: Sequence[Hashable], vectors: np.ndarray, exclude: Sequence[Hashable] | None = None
    ) -> np.ndarray:
        return np.array(
            [
                self.features(q, vectors[i], exclude[i] if exclude is not None else None)
                for i, q in enumerate(questions)
            ]
        )
