import numpy as np
from scipy import sparse

from mlinterview.exercises import Case


def _scipy_csr(n_rows, n_cols, rows, cols, values):
    """The same matrix built by SciPy: an independent computation of the expected arrays."""
    matrix = sparse.coo_matrix(
        (np.asarray(values, dtype=float), (rows, cols)), shape=(n_rows, n_cols)
    ).tocsr()
    matrix.sum_duplicates()
    matrix.eliminate_zeros()
    matrix.sort_indices()
    return {
        "indptr": matrix.indptr.tolist(),
        "indices": matrix.indices.tolist(),
        "data": matrix.data.tolist(),
    }


def _hashed_features(seed):
    rng = np.random.default_rng(seed)
    # 40 documents, 50 hashed buckets: collisions give repeated cells, some documents stay empty.
    docs = rng.choice(np.arange(40)[rng.random(40) < 0.8], size=300)
    buckets = rng.integers(0, 50, size=300)
    counts = rng.integers(-2, 4, size=300)  # signed hashing: collisions may cancel out
    return 40, 50, docs.tolist(), buckets.tolist(), counts.tolist()


def _case(name, *args, **options):
    return Case.of(name, *args, expected=_scipy_csr(*args), rtol=1e-9, **options)


def cases():
    features = _hashed_features(18)
    return [
        Case.of(
            "the example",
            3,
            4,
            [2, 0, 2, 0, 2],
            [1, 3, 1, 0, 0],
            [1.0, 5.0, 2.0, 4.0, 0.0],
            public=True,
            expected={"indptr": [0, 2, 2, 3], "indices": [0, 3, 1], "data": [4.0, 5.0, 3.0]},
            rtol=1e-9,
        ),
        _case(
            "duplicates that cancel out, columns out of order",
            2,
            6,
            [0, 0, 0, 1, 0, 0, 1],
            [5, 1, 3, 2, 1, 5, 0],
            [2.5, 1.0, 7.0, 3.0, 0.5, -2.5, 1.0],
            points=2,
        ),
        _case("empty first and last rows", 5, 3, [2, 1, 3, 2], [0, 2, 1, 0], [1, 1, 1, 1], points=2),
        _case("no entries", 3, 2, [], [], []),
        _case("no rows at all", 0, 5, [], [], []),
        _case("only zeros", 2, 2, [0, 1, 1], [1, 0, 0], [0, 2.0, -2.0]),
        _case("300 hashed features in 40 documents", *features, points=2),
        Case.of("lists of different lengths are refused", 2, 2, [0, 1], [0], [1.0, 2.0], raises="ValueError"),
        Case.of(
            "an index outside the matrix is refused", 2, 2, [0, 2], [1, 0], [1.0, 2.0], raises="ValueError"
        ),
        Case.of("a negative shape is refused", -1, 2, [], [], [], raises="ValueError"),
    ]
