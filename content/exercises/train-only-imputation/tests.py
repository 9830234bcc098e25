import numpy as np

from mlinterview.exercises import Case
from mlinterview.exercises.compare import compare

NAN = float("nan")


def _floats(expected):
    def check(args, got):
        if isinstance(got, (tuple, list)):
            for name, part in zip(("train_filled", "test_filled"), got, strict=False):
                if isinstance(part, np.ndarray) and part.dtype.kind != "f":
                    return False, f"wrong type: {name} has dtype {part.dtype}, expected floats"
        return compare(expected, got)

    return check


def _with_holes(rng, shape, share):
    values = np.round(rng.normal(10.0, 4.0, size=shape), 2)
    values[rng.random(shape) < share] = NAN
    return values


def cases():
    rng = np.random.default_rng(21)
    big_train = _with_holes(rng, (200, 6), 0.2)
    big_train[:, 4] = NAN
    big_test = _with_holes(rng, (50, 6), 0.3)
    return [
        Case.of(
            "mean of each column",
            [[1, NAN], [3, 4], [NAN, 8]],
            [[NAN, NAN], [5, NAN]],
            "mean",
            public=True,
            expected=(np.array([[1.0, 6.0], [3.0, 4.0], [2.0, 8.0]]), np.array([[2.0, 6.0], [5.0, 6.0]])),
        ),
        Case.of(
            "median of each column",
            [[1, 10], [2, NAN], [10, 20], [NAN, 30]],
            [[NAN, NAN]],
            "median",
            public=True,
            expected=(
                np.array([[1.0, 10.0], [2.0, 20.0], [10.0, 20.0], [2.0, 30.0]]),
                np.array([[2.0, 20.0]]),
            ),
        ),
        Case.of(
            "median of an even count, test values ignored",
            np.array([[1.0], [2.0], [4.0], [10.0], [NAN]]),
            np.array([[NAN], [7.0], [8.0]]),
            "median",
            points=2,
            expected=(np.array([[1.0], [2.0], [4.0], [10.0], [3.0]]), np.array([[3.0], [7.0], [8.0]])),
        ),
        Case.of(
            "a column missing everywhere in train",
            np.array([[NAN, 1.0], [NAN, 3.0]]),
            np.array([[NAN, NAN], [5.0, NAN]]),
            "mean",
            points=2,
            expected=(np.array([[0.0, 1.0], [0.0, 3.0]]), np.array([[0.0, 2.0], [5.0, 2.0]])),
        ),
        Case.of(
            "integer input comes back as floats",
            np.array([[1, 2], [3, 4]]),
            np.array([[5, 6]]),
            "mean",
            check=_floats((np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0]]))),
        ),
        Case.of("empty test set", np.array([[1.0, NAN], [3.0, 5.0]]), np.empty((0, 2)), "median"),
        Case.of(
            "no training rows",
            np.empty((0, 2)),
            np.array([[NAN, 1.0], [2.0, NAN]]),
            "median",
            expected=(np.empty((0, 2)), np.array([[0.0, 1.0], [2.0, 0.0]])),
        ),
        Case.of("larger data, mean", big_train, big_test, "mean"),
        Case.of("larger data, median", big_train, big_test, "median"),
        Case.of(
            "unknown strategy", np.array([[1.0, 2.0]]), np.array([[3.0, 4.0]]), "mode", raises="ValueError"
        ),
    ]
