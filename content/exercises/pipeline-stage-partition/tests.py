import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(71)
    # A transformer-like profile: an embedding, then repeating attention and MLP blocks, then a head.
    blocks = np.tile([48, 96], 24).tolist()
    model = [512, *blocks, 700]
    many = rng.integers(0, 3_000, size=20_000).tolist()
    return [
        Case.of("six layers, three stages", [4, 2, 7, 1, 3, 5], 3, public=True, expected=8),
        Case.of("six layers, two stages", [4, 2, 7, 1, 3, 5], 2, public=True, expected=13),
        Case.of("one stage takes everything", [5, 1, 9, 3], 1, expected=18),
        Case.of("a stage per layer", [5, 1, 9, 3], 4, expected=9),
        Case.of("more stages than layers", [5, 1, 9, 3], 10, expected=9),
        Case.of("one heavy layer dominates", [1, 1, 30, 1, 1, 1], 3, expected=30),
        Case.of("zero-cost layers", [0, 0, 6, 0, 6, 0, 6], 2, expected=12),
        Case.of("no layers", [], 3, expected=0),
        Case.of("a transformer over four devices", model, 4),
        Case.of("twenty thousand layers over 37 stages", many, 37, points=2),
        Case.of("zero stages is refused", [1, 2, 3], 0, raises="ValueError"),
    ]
