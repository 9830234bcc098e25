import numpy as np

from mlinterview.exercises import Case


def _ins(word):
    return ["insert", word]


def _rem(word):
    return ["remove", word]


def _cnt(prefix):
    return ["count", prefix]


def _workload(n, seed):
    rng = np.random.default_rng(seed)
    # Short words over three letters, so prefixes are shared and words repeat.
    words = ["".join(rng.choice(list("abc"), size=int(rng.integers(0, 5)))) for _ in range(40)]
    kinds = rng.choice(["insert", "remove", "count"], size=n, p=[0.5, 0.2, 0.3])
    operations = []
    for kind in kinds:
        word = words[int(rng.integers(len(words)))]
        if kind == "count":
            word = word[: int(rng.integers(0, len(word) + 1))]
        operations.append([str(kind), word])
    return operations


def cases():
    return [
        Case.of(
            "the example",
            [
                _ins("cart"),
                _ins("car"),
                _ins("cat"),
                _ins("car"),
                _cnt("ca"),
                _cnt("car"),
                _rem("ca"),
                _rem("car"),
                _cnt("car"),
                _cnt(""),
            ],
            public=True,
            expected=[4, 3, False, True, 2, 3],
        ),
        Case.of(
            "removing the beginning of a stored word",
            [
                _ins("cart"),
                _ins("cartoon"),
                _rem("car"),
                _cnt("car"),
                _rem("cart"),
                _cnt("car"),
                _rem("cart"),
            ],
            points=2,
            expected=[False, 2, True, 1, False],
        ),
        Case.of(
            "repeated inserts and removals",
            [
                _ins("x"),
                _ins("x"),
                _ins("xy"),
                _cnt("x"),
                _rem("x"),
                _rem("x"),
                _cnt("x"),
                _rem("x"),
                _cnt("x"),
            ],
            points=2,
            expected=[3, True, True, 1, False, 1],
        ),
        Case.of(
            "the empty word and the empty prefix",
            [_ins(""), _ins("a"), _ins(""), _cnt(""), _rem(""), _cnt(""), _cnt("a"), _rem(""), _rem("")],
            points=2,
            expected=[3, True, 2, 1, True, False],
        ),
        Case.of(
            "a word removed entirely, then stored again",
            [_ins("deep"), _rem("deep"), _cnt("d"), _rem("deep"), _ins("deer"), _cnt("dee"), _cnt("deep")],
            expected=[True, 0, False, 1, 0],
        ),
        Case.of(
            "prefixes nobody typed, before any insert",
            [_cnt(""), _cnt("zz"), _rem("zz"), _ins("z"), _cnt("zz")],
            expected=[0, 0, False, 0],
        ),
        Case.of("no operations", [], expected=[]),
        Case.of("four hundred operations on short words", _workload(400, 18), points=2),
    ]
