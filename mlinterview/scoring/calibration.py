"""The learned calibration: scoring features -> a 0-5 score, trained on human-graded answers.

The shipped artifact (``artifacts/calibration.json``) is small and readable: a ridge model over
the features, their squares and pairwise products (a quadratic surface, fitted as a linear
model), stored as plain JSON numbers. Gradient boosting and SVR did no better in
leave-one-assignment-out tests on Mohler, so the simpler model stays. It is written
by ``mlinterview scoring train`` (never at import time).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mlinterview.scoring.features import FEATURES

ARTIFACT = Path(__file__).resolve().parent / "artifacts" / "calibration.json"
ALPHA = 100.0  # ridge strength, chosen by leave-one-assignment-out on Mohler (bench/mohler.py)


def expand(x: np.ndarray, quadratic: int | None = None) -> np.ndarray:
    """Features, their squares and pairwise products (a quadratic model, still linear to fit).

    With ``quadratic``, only the first that many columns get squares and products; the columns
    after them enter as they are (a benchmark's extra judgements, which the quadratic terms would
    multiply beyond what a few thousand answers can fit).
    """
    x = np.atleast_2d(x)
    n = x.shape[1] if quadratic is None else quadratic
    products = [x[:, i] * x[:, j] for i in range(n) for j in range(i, n)]
    return np.column_stack([x[:, :n], *products, x[:, n:]])


@dataclass
class Calibration:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    trained_on: dict[str, Any]
    quadratic: int | None = None  # see expand(); None: every column

    def predict(self, x: np.ndarray) -> float:
        return float(self.predict_many(np.atleast_2d(x))[0])

    def predict_many(self, x: np.ndarray) -> np.ndarray:
        z = (expand(x, self.quadratic) - self.mean) / self.scale
        return np.clip(z @ self.coef + self.intercept, 0.0, 5.0)

    def to_json(self) -> str:
        data = {
            "features": list(FEATURES),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
            "trained_on": self.trained_on,
        }
        if self.quadratic is not None:
            data["quadratic"] = self.quadratic
        return json.dumps(data, indent=1)

    def fingerprint(self) -> str:
        """A short hash of the fitted numbers and what they were trained on: retraining changes it."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()[:12]


def fit(
    x: np.ndarray,
    y: np.ndarray,
    alpha: float = ALPHA,
    trained_on: dict[str, Any] | None = None,
    quadratic: int | None = None,
) -> Calibration:
    from sklearn.linear_model import Ridge

    expanded = expand(x, quadratic)
    mean = expanded.mean(axis=0)
    scale = expanded.std(axis=0)
    scale[scale == 0] = 1.0
    model = Ridge(alpha=alpha).fit((expanded - mean) / scale, y)
    return Calibration(
        mean=mean,
        scale=scale,
        coef=np.asarray(model.coef_, dtype=float),
        intercept=float(model.intercept_),
        trained_on=trained_on or {},
        quadratic=quadratic,
    )


def load(path: Path = ARTIFACT) -> Calibration:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run 'mlinterview scoring train' to create it")
    data = json.loads(path.read_text())
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} was trained on other features; run 'mlinterview scoring train' again")
    return Calibration(
        mean=np.asarray(data["mean"]),
        scale=np.asarray(data["scale"]),
        coef=np.asarray(data["coef"]),
        intercept=float(data["intercept"]),
        trained_on=data.get("trained_on", {}),
        quadratic=data.get("quadratic"),
    )
