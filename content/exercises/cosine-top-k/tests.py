import math

import numpy as np

from mlinterview.exercises import Case


def _by_hand(queries, items, k):
    """Loops over pairs with math, independently of the reference's matrix product."""
    indices, scores = [], []
    for q in np.asarray(queries, dtype=float).tolist():
        sims = []
        for v in np.asarray(items, dtype=float).tolist():
            nq, nv = math.sqrt(sum(a * a for a in q)), math.sqrt(sum(b * b for b in v))
            sims.append(sum(a * b for a, b in zip(q, v, strict=True)) / (nq * nv) if nq and nv else 0.0)
        ranked = sorted(range(len(sims)), key=lambda j: -sims[j])[:k]  # sorted is stable
        indices.append(ranked)
        scores.append([sims[j] for j in ranked])
    keep = min(k, len(items))
    return (
        np.array(indices, dtype=np.int64).reshape(len(queries), keep),
        np.array(scores, dtype=float).reshape(len(queries), keep),
    )


def _case(name, queries, items, k, **options):
    return Case.of(name, queries, items, k, expected=_by_hand(queries, items, k), **options)


def cases():
    rng = np.random.default_rng(31)
    items = rng.normal(size=(40, 6))
    queries = rng.normal(size=(5, 6))
    # small integers: dot products and norms are exact, so duplicated rows tie exactly
    int_items = rng.integers(-9, 10, size=(30, 5)).astype(float)
    int_items[[4, 11, 25]] = int_items[7]
    int_items[[2, 19]] = 0.0
    int_queries = np.vstack([int_items[7], np.zeros(5), rng.integers(-9, 10, size=(3, 5))]).astype(float)
    return [
        _case("the example", [[1.0, 0.0]], [[0.0, 2.0], [3.0, 0.0], [0.0, 0.0], [1.0, 1.0]], 3, public=True),
        _case("5 queries, 40 items, k = 4", queries, items, 4, public=True),
        _case("duplicated items tie: lower index first", int_queries, int_items, 8, points=2),
        _case(
            "a zero query: every score 0, items in index order", [[0.0, 0.0, 0.0]], items[:6, :3], 4, points=2
        ),
        _case(
            "zero items rank above negative similarities",
            [[1.0, 1.0]],
            [[-1.0, -2.0], [0.0, 0.0], [2.0, 1.0], [-3.0, 0.0], [0.0, 0.0]],
            5,
        ),
        _case(
            "length does not matter, only direction", [[1.0, 2.0]], [[10.0, 0.0], [0.5, 1.0], [3.0, 5.0]], 2
        ),
        _case("k larger than the number of items", queries[:2], items[:3], 10),
        _case("no items", queries[:2], np.zeros((0, 6)), 3),
        _case("no queries", np.zeros((0, 6)), items, 3),
        Case.of("k of zero", queries, items, 0, raises="ValueError"),
        Case.of("columns differ", queries, items[:, :5], 3, raises="ValueError"),
    ]
