import math

import numpy as np

from mlinterview.exercises import Case


def _by_hand(embeddings, labels, margin):
    """Loops over anchors with math.dist, independently of the reference's distance matrix."""
    rows = np.asarray(embeddings, dtype=float).tolist()
    labels = list(labels)
    losses = []
    for i, anchor in enumerate(rows):
        pos = [math.dist(anchor, r) for j, r in enumerate(rows) if j != i and labels[j] == labels[i]]
        neg = [math.dist(anchor, r) for j, r in enumerate(rows) if labels[j] != labels[i]]
        if pos and neg:
            losses.append(max(0.0, max(pos) - min(neg) + margin))
    return sum(losses) / len(losses) if losses else 0.0


def _case(name, embeddings, labels, margin, **options):
    return Case.of(name, embeddings, labels, margin, expected=_by_hand(embeddings, labels, margin), **options)


def cases():
    rng = np.random.default_rng(8)
    labels = rng.integers(0, 4, size=24)
    centres = rng.normal(0.0, 2.0, size=(4, 8))
    batch = centres[labels] + rng.normal(0.0, 1.0, size=(24, 8))
    example = np.array([[0.0, 0.0], [0.0, 1.0], [3.0, 0.0], [0.0, 3.0]])
    return [
        _case("the example", example, [0, 0, 1, 1], 0.5, public=True),
        _case("24 embeddings, 4 classes", batch, labels, 1.0, public=True),
        _case("24 embeddings, 4 classes, margin 0.2", batch, labels, 0.2, points=2),
        _case(
            "a class with a single example is skipped as an anchor",
            np.array([[0.0, 0.0], [0.0, 2.0], [1.0, 0.0], [5.0, 5.0]]),
            [0, 0, 1, 2],
            1.0,
            points=2,
        ),
        _case(
            "well separated classes: zero loss",
            example * 10 + [[0, 0], [0, 0], [50, 0], [50, 0]],
            [0, 0, 1, 1],
            0.5,
        ),
        _case("identical embeddings: every loss is the margin", np.ones((4, 3)), [0, 1, 0, 1], 0.3),
        _case("margin of zero", batch[:10], labels[:10], 0.0),
        _case("every label the same: no anchor is kept", batch[:5], [2, 2, 2, 2, 2], 1.0),
        _case(
            "every class a singleton: no anchor is kept",
            np.array([[0.0, 0.0], [0.0, 0.5], [0.3, 0.0], [1.0, 1.0]]),
            [0, 1, 2, 3],
            1.0,
        ),
        _case("an empty batch", np.zeros((0, 8)), np.zeros(0, dtype=int), 1.0),
        Case.of("a negative margin", example, [0, 0, 1, 1], -0.1, raises="ValueError"),
        Case.of("labels and rows differ", example, [0, 0, 1], 0.5, raises="ValueError"),
    ]
