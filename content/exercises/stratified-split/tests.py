import numpy as np

from mlinterview.exercises import Case


def _check_split(args, got):
    y, test_fraction, _seed = args
    y = np.asarray(y)
    n = len(y)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return False, "wrong type: expected a pair (train_idx, test_idx)"
    for name, part in zip(("train_idx", "test_idx"), got, strict=True):
        if not isinstance(part, np.ndarray):
            return False, f"wrong type: {name} is not a NumPy array"
        if part.dtype.kind not in "iu":
            return False, f"wrong type: {name} has dtype {part.dtype}, expected integers"
        if part.ndim != 1:
            return False, f"wrong shape: {name} has shape {part.shape}, expected 1-D"
        if np.any(np.diff(part) <= 0):
            return False, f"wrong value: {name} is not in strictly increasing order"
    train, test = got
    everything = np.sort(np.concatenate([train, test]))
    if len(everything) != n or not np.array_equal(everything, np.arange(n)):
        return False, f"wrong value: train and test together must hold each of 0..{n - 1} exactly once"
    for label in np.unique(y):
        n_c = int(np.sum(y == label))
        want = int(np.floor(test_fraction * n_c + 0.5))
        have = int(np.sum(y[test] == label))
        if have != want:
            return False, f"wrong value: class {label.item()!r} has {have} samples in test, expected {want}"
    return True, ""


def _labels(counts):
    return np.repeat(np.arange(len(counts)), counts)[np.random.default_rng(7).permutation(sum(counts))]


def cases():
    empty = np.array([], dtype=np.int64)
    return [
        Case.of(
            "two string classes", ["a", "a", "b", "b", "b", "b"], 0.5, 0, public=True, check=_check_split
        ),
        Case.of(
            "three interleaved classes",
            [0, 1, 2, 0, 1, 2, 0, 1, 2, 0],
            0.3,
            1,
            public=True,
            check=_check_split,
        ),
        Case.of("halves round up", [1, 1, 1, 1, 1, 0, 0], 0.5, 3, points=2, check=_check_split),
        Case.of("a quarter of two rounds up to one", [5, 5, 9, 9, 9, 9, 9, 9], 0.25, 4, check=_check_split),
        Case.of("single class", np.array([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]), 0.2, 5, check=_check_split),
        Case.of("tiny classes all stay in train", [0, 1, 1], 0.2, 6, expected=(np.array([0, 1, 2]), empty)),
        Case.of("tiny classes all go to test", [0, 1, 1], 0.9, 6, expected=(empty, np.array([0, 1, 2]))),
        Case.of("empty input", [], 0.5, 0, expected=(empty, empty)),
        Case.of("imbalanced classes", _labels([150, 40, 9, 1]), 0.15, 11, points=2, check=_check_split),
        Case.of("fraction of one is refused", [0, 1, 0, 1], 1.0, 0, raises="ValueError"),
        Case.of("fraction of zero is refused", [0, 1, 0, 1], 0.0, 0, raises="ValueError"),
        Case.of("a NaN fraction is refused", [0, 1, 0, 1], float("nan"), 0, raises="ValueError"),
    ]
