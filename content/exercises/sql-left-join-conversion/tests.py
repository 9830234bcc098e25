import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(9)
    countries = ["br", "de", "fr", "in", "jp", "us", None]
    big_users = [(i, countries[int(rng.integers(0, len(countries)))]) for i in range(150)]
    big_events = []
    for _ in range(600):
        user = None if rng.random() < 0.03 else int(rng.integers(0, 170))
        big_events.append((user, "purchase" if rng.random() < 0.15 else "view"))
    big_users.append((999, "nz"))  # a country with no buyers
    return [
        Case.of(
            "the example",
            [(1, "fr"), (2, "fr"), (3, None), (4, "de")],
            [(1, "purchase"), (1, "purchase"), (2, "view"), (3, "purchase"), (None, "purchase")],
            public=True,
            expected=[(None, 1, 1), ("de", 1, 0), ("fr", 2, 1)],
        ),
        Case.of(
            "no purchase anywhere",
            [(10, "it"), (11, "es"), (12, "it")],
            [(10, "view"), (12, "view"), (12, "signup")],
            points=2,
            expected=[("es", 1, 0), ("it", 2, 0)],
        ),
        Case.of(
            "a purchase without a user, a purchase of a stranger",
            [(1, "a"), (2, "a"), (3, "b"), (4, None), (5, None)],
            [
                (None, "purchase"),
                (77, "purchase"),
                (2, "purchase"),
                (2, "purchase"),
                (2, "purchase"),
                (5, "view"),
            ],
            points=2,
            expected=[(None, 2, 0), ("a", 2, 1), ("b", 1, 0)],
        ),
        Case.of("no events", [(1, "uk"), (2, None)], [], expected=[(None, 1, 0), ("uk", 1, 0)]),
        Case.of(
            "a single country, every user buys",
            [(1, "pt"), (2, "pt")],
            [(2, "purchase"), (1, "purchase")],
            expected=[("pt", 2, 2)],
        ),
        Case.of("no users", [], [(1, "purchase")], expected=[]),
        Case.of("a hundred fifty users, six hundred events", big_users, big_events, points=2),
    ]
