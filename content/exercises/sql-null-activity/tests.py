import numpy as np

from mlinterview.exercises import Case


def _shop(seed):
    rng = np.random.default_rng(seed)
    customers = [(int(i), f"c{int(i):03d}") for i in rng.permutation(np.arange(100, 130))]
    orders = []
    for order_id in range(1, 201):
        who = None if rng.random() < 0.1 else int(rng.integers(100, 140))  # some unknown, some guests
        day = rng.integers(0, 360)
        placed = f"2024-{day // 30 + 1:02d}-{day % 30 + 1:02d}"
        rating = None if rng.random() < 0.4 else int(rng.integers(1, 6))
        orders.append((order_id, who, placed, rating))
    return customers, [orders[i] for i in rng.permutation(len(orders))]


def cases():
    customers, orders = _shop(18)
    return [
        Case.of(
            "the example",
            [(1, "ana"), (2, "ben"), (3, "cy")],
            [
                (10, 1, "2024-03-02", 5),
                (11, 1, "2024-01-15", None),
                (12, 2, "2023-12-31", 4),
                (13, None, "2024-02-01", 3),
                (14, 1, "2024-02-20", None),
            ],
            "2024-01-01",
            public=True,
            expected={
                "activity": [(1, "ana", 3, 1), (2, "ben", 0, 0), (3, "cy", 0, 0)],
                "never_ordered": [3],
            },
        ),
        Case.of(
            "guest orders hide no inactive customer",
            [(4, "dee"), (2, "eve"), (1, "fay"), (3, "gus")],
            [(1, None, "2024-05-01", 2), (2, 3, "2024-05-02", None), (3, None, "2024-05-03", None)],
            "2024-01-01",
            points=2,
            expected={
                "activity": [(1, "fay", 0, 0), (2, "eve", 0, 0), (3, "gus", 1, 0), (4, "dee", 0, 0)],
                "never_ordered": [1, 2, 4],
            },
        ),
        Case.of(
            "only old orders, and an order on the cutoff day",
            [(7, "hal"), (8, "ivy")],
            [
                (1, 7, "2023-06-30", 4),
                (2, 7, "2023-07-01", 5),
                (3, 8, "2024-06-30", 1),
                (4, 8, "2024-07-01", 3),
            ],
            "2024-07-01",
            points=2,
            expected={"activity": [(7, "hal", 0, 0), (8, "ivy", 1, 1)], "never_ordered": []},
        ),
        Case.of(
            "orders of customers not in the table, no rating at all",
            [(5, "jo")],
            [(1, 6, "2024-01-01", 5), (2, 5, "2024-02-01", None), (3, 5, "2024-03-01", None)],
            "2024-01-01",
            expected={"activity": [(5, "jo", 2, 0)], "never_ordered": []},
        ),
        Case.of(
            "no orders",
            [(2, "kim"), (1, "lee")],
            [],
            "2024-01-01",
            expected={"activity": [(1, "lee", 0, 0), (2, "kim", 0, 0)], "never_ordered": [1, 2]},
        ),
        Case.of(
            "no customers",
            [],
            [(1, None, "2024-01-01", 2), (2, 3, "2024-01-02", 4)],
            "2024-01-01",
            expected={"activity": [], "never_ordered": []},
        ),
        Case.of("thirty customers, two hundred orders", customers, orders, "2024-07-01", points=2),
    ]
