import math
from typing import List, Sequence, Tuple

import numpy as np


class ColumnStats:
    def __init__(self, mean: float, scale: float) -> None:
        self.mean = mean
        self.scale = scale

    def apply(self, value: float) -> float:
        return (value - self.mean) / self.scale


def _to_rows(data, label: str) -> List[List[float]]:
    rows = data.tolist() if isinstance(data, np.ndarray) else list(data)
    result: List[List[float]] = []
    for row_number, row in enumerate(rows):
        try:
            result.append([float(x) for x in row])
        except TypeError as exc:
            raise ValueError(f"{label} row {row_number} is not a sequence of numbers") from exc
    return result


def _fit_column(values: Sequence[float]) -> ColumnStats:
    count = len(values)
    mean = math.fsum(values) / count
    if min(values) == max(values):
        return ColumnStats(mean, 1.0)
    variance = math.fsum((v - mean) ** 2 for v in values) / count
    std = math.sqrt(variance)
    return ColumnStats(mean, std if std > 0.0 else 1.0)


def _transform(rows: List[List[float]], stats: List[ColumnStats], width: int) -> np.ndarray:
    out = np.empty((len(rows), width), dtype=float)
    for i, row in enumerate(rows):
        for j, column in enumerate(stats):
            out[i, j] = column.apply(row[j])
    return out


def standardize(X_train, X_test) -> Tuple[np.ndarray, np.ndarray]:
    """Return (train_z, test_z) scaled with X_train's column means and population stds."""
    train_rows = _to_rows(X_train, "X_train")
    test_rows = _to_rows(X_test, "X_test")
    if not train_rows:
        raise ValueError("X_train must contain at least one row")

    width = len(train_rows[0])
    if width < 1:
        raise ValueError("X_train must have at least one column")
    for label, rows in (("X_train", train_rows), ("X_test", test_rows)):
        for row_number, row in enumerate(rows):
            if len(row) != width:
                raise ValueError(f"{label} row {row_number} has {len(row)} columns, expected {width}")

    stats = [_fit_column([row[j] for row in train_rows]) for j in range(width)]
    return _transform(train_rows, stats, width), _transform(test_rows, stats, width)
