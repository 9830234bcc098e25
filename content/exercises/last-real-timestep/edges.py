"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import torch

from mlinterview.exercises.edges import Edge, answered, args, refused


def _steps(outputs, batch_first=True):
    return outputs.shape[1] if batch_first else outputs.shape[0]


EDGES: dict[str, Edge] = {
    "time-first layout": answered(args(lambda o, n, bf=True: not bf)),
    "time-first with T = B": answered(args(lambda o, n, bf=True: not bf and o.shape[0] == o.shape[1])),
    "padding after a shorter sequence, several features": answered(
        args(lambda o, n, bf=True: o.shape[-1] > 1 and bool((n < _steps(o, bf)).any()))
    ),
    "every sequence full": answered(args(lambda o, n, bf=True: bool((n == _steps(o, bf)).all()))),
    "a single sequence": answered(args(lambda o, n, bf=True: len(n) == 1)),
    "float64 outputs": answered(args(lambda o, n, bf=True: o.dtype == torch.float64)),
    "a length below 1, refused": refused(args(lambda o, n, bf=True: bool((n < 1).any()))),
    "a length past T, refused": refused(args(lambda o, n, bf=True: bool((n > _steps(o, bf)).any()))),
}
