import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(27)
    days = [f"2024-02-{d:02d}" for d in range(1, 15)]
    big = []
    for txn in rng.permutation(np.arange(1, 301)):
        amount = None if rng.random() < 0.08 else float(rng.integers(-50, 100))
        big.append(
            (int(txn), f"acct{int(rng.integers(0, 8))}", days[int(rng.integers(0, len(days)))], amount)
        )
    return [
        Case.of(
            "the example",
            [
                (3, "acc", "2024-01-02", 5.0),
                (1, "acc", "2024-01-01", None),
                (2, "acc", "2024-01-02", -2.0),
                (4, "b", "2024-01-01", 10.0),
            ],
            public=True,
            expected=[
                ("acc", "2024-01-01", 1, 0.0),
                ("acc", "2024-01-02", 2, -2.0),
                ("acc", "2024-01-02", 3, 3.0),
                ("b", "2024-01-01", 4, 10.0),
            ],
        ),
        Case.of(
            "three transactions on one day, ids out of insertion order",
            [
                (9, "x", "2023-12-31", 1.0),
                (7, "x", "2023-12-31", 2.0),
                (8, "x", "2023-12-31", 4.0),
                (1, "x", "2024-01-01", 8.0),
            ],
            points=2,
            expected=[
                ("x", "2023-12-31", 7, 2.0),
                ("x", "2023-12-31", 8, 6.0),
                ("x", "2023-12-31", 9, 7.0),
                ("x", "2024-01-01", 1, 15.0),
            ],
        ),
        Case.of(
            "two accounts interleaved in time",
            [
                (1, "b", "2024-01-01", 100.0),
                (2, "a", "2024-01-02", 1.0),
                (3, "b", "2024-01-03", -30.0),
                (4, "a", "2024-01-04", 2.0),
            ],
            points=2,
            expected=[
                ("a", "2024-01-02", 2, 1.0),
                ("a", "2024-01-04", 4, 3.0),
                ("b", "2024-01-01", 1, 100.0),
                ("b", "2024-01-03", 3, 70.0),
            ],
        ),
        Case.of(
            "unrecorded amounts first and in between",
            [
                (1, "n", "2024-03-01", None),
                (2, "n", "2024-03-02", None),
                (3, "n", "2024-03-03", 5),
                (4, "n", "2024-03-04", None),
            ],
            points=2,
            expected=[
                ("n", "2024-03-01", 1, 0.0),
                ("n", "2024-03-02", 2, 0.0),
                ("n", "2024-03-03", 3, 5.0),
                ("n", "2024-03-04", 4, 5.0),
            ],
        ),
        Case.of(
            "a single transaction", [(5, "z", "2024-01-01", -3.5)], expected=[("z", "2024-01-01", 5, -3.5)]
        ),
        Case.of("no transactions", [], expected=[]),
        Case.of("three hundred transactions, eight accounts, two weeks", big, points=2),
    ]
