"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused

LAYERS = ["0", "1", "3", "4", "6"]


def _trainable_before_frozen(frozen):
    """A trainable layer sits before a frozen one: gradients must pass through the frozen one."""
    return any(a not in frozen and b in frozen for i, a in enumerate(LAYERS) for b in LAYERS[i + 1 :])


EDGES: dict[str, Edge] = {
    "a frozen BatchNorm": answered(args(lambda s, frozen, X, y, lr: bool({"1", "4"} & set(frozen)))),
    "a trainable BatchNorm": answered(
        args(lambda s, frozen, X, y, lr: bool({"1", "4"} - set(frozen)) and frozen)
    ),
    "a trainable layer before a frozen one": answered(
        args(lambda s, frozen, X, y, lr: _trainable_before_frozen(frozen))
    ),
    "nothing frozen": answered(args(lambda s, frozen, X, y, lr: not frozen)),
    "every layer frozen": answered(args(lambda s, frozen, X, y, lr: set(frozen) >= set(LAYERS))),
    "a batch of two rows": answered(args(lambda s, frozen, X, y, lr: len(X) == 2)),
    "a name that is not a layer with parameters, refused": refused(
        args(lambda s, frozen, X, y, lr: bool(set(frozen) - set(LAYERS)))
    ),
}
