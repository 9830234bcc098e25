"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused


def _on_inner_bin_edge(probs: Any, _labels: Any, n_bins: int) -> bool:
    scaled = np.asarray(probs, dtype=float) * n_bins
    return bool(np.any((scaled > 0) & (scaled < n_bins) & (scaled % 1 == 0)))


def _empty_bins(probs: Any, _labels: Any, n_bins: int) -> bool:
    bins = np.minimum(np.floor(np.asarray(probs, dtype=float) * n_bins), n_bins - 1)
    return len(set(bins.tolist())) < n_bins


EDGES: dict[str, Edge] = {
    "a probability on an inner bin edge": answered(args(_on_inner_bin_edge)),
    "a probability of one": answered(args(lambda probs, labels, n_bins: 1.0 in list(probs))),
    "empty bins": answered(args(_empty_bins)),
    "a single bin": answered(args(lambda probs, labels, n_bins: n_bins == 1)),
    "a single sample": answered(one_row(0)),
    "no samples, refused": refused(empty(0)),
    "no bins, refused": refused(args(lambda probs, labels, n_bins: n_bins < 1)),
    "a probability outside [0, 1], refused": refused(
        args(lambda probs, labels, n_bins: any(not 0 <= p <= 1 for p in probs))
    ),
    "a label other than 0 or 1, refused": refused(
        args(lambda probs, labels, n_bins: any(v not in (0, 1) for v in labels))
    ),
}
