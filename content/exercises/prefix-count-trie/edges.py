"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from collections import Counter

from mlinterview.exercises.edges import Edge, args, empty


def _replay(operations, kind="remove"):
    """Each operation of this kind with the words stored just before it (occurrences > 0)."""
    stored: Counter[str] = Counter()
    seen = []
    for action, text in operations:
        if action == kind:
            seen.append((text, +stored))
        if action == "insert":
            stored[text] += 1
        elif action == "remove" and stored[text]:
            stored[text] -= 1
    return seen


EDGES: dict[str, Edge] = {
    "no operations": empty(0),
    "removing a word that is only the beginning of a stored one": args(
        lambda ops: any(
            not stored[w] and any(s.startswith(w) and s != w for s in stored) for w, stored in _replay(ops)
        )
    ),
    "removing a word with no occurrence left": args(
        lambda ops: any(not stored[w] and any(o == ["insert", w] for o in ops) for w, stored in _replay(ops))
    ),
    "a word inserted several times": args(
        lambda ops: max(Counter(t for a, t in ops if a == "insert").values(), default=0) > 1
    ),
    "the empty prefix": args(lambda ops: ["count", ""] in ops),
    "the empty word": args(lambda ops: ["insert", ""] in ops),
    "a count of a prefix no stored word has": args(
        lambda ops: any(not any(w.startswith(p) for w in stored) for p, stored in _replay(ops, "count"))
    ),
}
