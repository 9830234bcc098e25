import numpy as np

from mlinterview.exercises import Case


def _pipeline(seed):
    rng = np.random.default_rng(seed)
    names = [f"step{i:02d}" for i in range(60)]
    edges = []
    for _ in range(200):
        u, v = rng.choice(60, size=2)
        # Mostly forward steps with some cycles back, costs on a coarse grid so that totals tie.
        edges.append((names[int(u)], names[int(v)], float(rng.integers(0, 12)) / 2))
    return edges


def cases():
    return [
        Case.of(
            "the example",
            [
                ("raw", "clean", 4),
                ("raw", "sample", 1),
                ("sample", "clean", 2),
                ("clean", "features", 3),
                ("model", "report", 1),
            ],
            "raw",
            public=True,
            expected={
                "raw": 0.0,
                "clean": 3.0,
                "sample": 1.0,
                "features": 6.0,
                "model": None,
                "report": None,
            },
        ),
        Case.of(
            "a longer chain is cheaper than the first one found",
            [("s", "t", 10), ("s", "a", 1), ("a", "b", 1), ("b", "c", 1), ("c", "t", 1), ("t", "u", 0.5)],
            "s",
            points=2,
            expected={"s": 0.0, "t": 4.0, "a": 1.0, "b": 2.0, "c": 3.0, "u": 4.5},
        ),
        Case.of(
            "parallel steps, the cheaper listed first",
            [("a", "b", 2.5), ("a", "b", 7.0), ("b", "c", 1.0), ("b", "c", 0.25)],
            "a",
            points=2,
            expected={"a": 0.0, "b": 2.5, "c": 2.75},
        ),
        Case.of(
            "steps only lead one way, a cycle and a self-loop",
            [("x", "y", 1), ("y", "x", 1), ("y", "y", 0), ("w", "x", 0), ("y", "z", 2)],
            "x",
            points=2,
            expected={"x": 0.0, "y": 1.0, "w": None, "z": 3.0},
        ),
        Case.of(
            "zero-cost steps",
            [("a", "b", 0), ("b", "c", 0), ("a", "c", 1)],
            "a",
            expected={"a": 0.0, "b": 0.0, "c": 0.0},
        ),
        Case.of(
            "a source no step touches",
            [("p", "q", 3)],
            "lonely",
            expected={"lonely": 0.0, "p": None, "q": None},
        ),
        Case.of("no steps", [], "only", expected={"only": 0.0}),
        Case.of("sixty artefacts, two hundred steps", _pipeline(18), "step00", points=2),
        Case.of("a negative cost is refused", [("a", "b", 1), ("b", "c", -0.5)], "a", raises="ValueError"),
    ]
