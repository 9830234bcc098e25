"""Fit the calibration on public graded answers: ``mlinterview scoring train``.

The artifact is trained on every answer of Mohler/Texas (computer science, 0-5) and DigiKlausur
(a neural-network exam, 0-2 rescaled to 0-5). The benchmarks never use it: each one fits its own
model on its training folds only, with the same features and :data:`calibration.ALPHA`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mlinterview.scoring import calibration, datasets
from mlinterview.scoring.datasets import GradedAnswer

if TYPE_CHECKING:
    from mlinterview.scoring.engine import Scorer

Progress = Callable[[str], None]


def feature_matrix(
    scorer: Scorer, answers: Sequence[GradedAnswer], progress: Progress | None = None
) -> np.ndarray:
    """One feature row per answer, computed in chunks with progress messages."""
    rows: list[np.ndarray] = []
    step = 500
    for start in range(0, len(answers), step):
        chunk = answers[start : start + step]
        pairs = scorer.evidence_many([a.rubric for a in chunk], [a.answer for a in chunk])
        rows += [vector for _, vector in pairs]
        if progress:
            progress(f"features {min(start + step, len(answers))}/{len(answers)}")
    return np.vstack(rows)


def train(
    data: Path, out: Path = calibration.ARTIFACT, progress: Progress | None = None
) -> calibration.Calibration:
    from mlinterview.scoring.engine import Scorer

    answers = datasets.mohler(data) + datasets.digiklausur(data)
    x = feature_matrix(Scorer(), answers, progress)
    y = np.array([a.grade_5 for a in answers])
    model = calibration.fit(
        x,
        y,
        trained_on={
            "datasets": {
                "mohler2011_texas": sum(a.dataset == "mohler" for a in answers),
                "digiklausur_nn_exam": sum(a.dataset == "digiklausur" for a in answers),
            },
            "target": "human grade rescaled to 0-5",
            "alpha": calibration.ALPHA,
        },
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".calibration-", suffix=".json")
    with os.fdopen(fd, "w") as handle:
        handle.write(model.to_json())
    os.chmod(tmp, 0o644)
    os.replace(tmp, out)  # never a half-written artifact
    return model
