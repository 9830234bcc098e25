import numpy as np

from mlinterview.exercises import Case


def _expected(X, y, batch_size, shuffle, drop_last, seed):
    """Built independently of the reference: split the permuted arrays with np.array_split."""
    order = np.random.default_rng(seed).permutation(len(X)) if shuffle else np.arange(len(X))
    full = len(X) // batch_size
    pieces = list(range(batch_size, len(X), batch_size))
    chunks = list(zip(np.split(X[order], pieces), np.split(y[order], pieces), strict=True))
    return [tuple(c) for c in chunks[: full if drop_last else len(chunks)] if len(c[0])]


def _case(name, X, y, batch_size, shuffle, drop_last, seed, **options):
    return Case.of(
        name,
        X,
        y,
        batch_size,
        shuffle,
        drop_last,
        seed,
        expected=_expected(X, y, batch_size, shuffle, drop_last, seed),
        **options,
    )


def cases():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(23, 4))
    y = np.arange(23) * 10
    onehot = np.eye(3)[rng.integers(0, 3, size=12)]
    images = rng.integers(0, 255, size=(9, 2, 3, 3), dtype=np.uint8)
    small_X, small_y = np.arange(10).reshape(5, 2), np.array([0, 1, 0, 1, 1])
    return [
        _case("in order, partial batch kept", small_X, small_y, 2, False, False, 0, public=True),
        _case("in order, partial batch dropped", small_X, small_y, 2, False, True, 0, public=True),
        _case("shuffled, partial batch kept", X, y, 5, True, False, 42, points=2),
        _case("shuffled, partial batch dropped", X, y, 5, True, True, 7, points=2),
        _case("n a multiple of batch_size", onehot, np.arange(12), 4, True, False, 1, points=2),
        _case("one-hot labels stay with their rows", onehot, onehot * 2, 5, True, False, 11),
        _case("images: trailing dimensions and dtype kept", images, np.arange(9), 4, True, False, 5),
        _case("batch_size larger than n, dropped", small_X, small_y, 8, True, True, 3),
        _case("batch_size larger than n, kept", small_X, small_y, 8, True, False, 3),
        _case("batch_size of one", small_X, small_y, 1, True, False, 9),
        _case("no examples", np.zeros((0, 3)), np.zeros(0, dtype=int), 4, True, False, 0),
        Case.of("batch_size of zero", small_X, small_y, 0, False, False, 0, raises="ValueError"),
        Case.of("lengths differ", small_X, small_y[:4], 2, False, False, 0, raises="ValueError"),
    ]
