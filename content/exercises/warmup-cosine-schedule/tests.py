import math

import numpy as np

from mlinterview.exercises import Case


def _lr(s, base, warmup, total, floor):
    """Written step by step with math, independently of the vectorised reference."""
    if s < warmup:
        return base * s / warmup
    if s >= total:
        return floor
    return floor + (base - floor) * (1 + math.cos(math.pi * (s - warmup) / (total - warmup))) / 2


def _case(name, steps, base, warmup, total, floor, **options):
    expected = np.array([_lr(s, base, warmup, total, floor) for s in steps], dtype=float)
    return Case.of(name, steps, base, warmup, total, floor, expected=expected, **options)


def cases():
    every_step = list(range(0, 120))
    return [
        _case("the example", [0, 1, 2, 4, 6, 9], 1.0, 2, 6, 0.1, public=True),
        _case("every step of a 100-step run and past it", every_step, 3e-4, 10, 100, 3e-5, points=2),
        _case("the end of the warmup is the peak", [9, 10, 11], 0.01, 10, 50, 0.0),
        _case("no warmup: step 0 has base_lr", [0, 1, 25, 49, 50], 0.1, 0, 50, 0.001, points=2),
        _case("warmup as long as the schedule", [0, 3, 7, 8, 20], 0.5, 8, 8, 0.05),
        _case("steps out of order and repeated", [70, 5, 70, 0, 33, 5], 1e-3, 5, 60, 1e-4, points=2),
        _case("far past the end", [200, 1000], 0.2, 10, 100, 0.02),
        _case("a floor of zero", [0, 4, 30, 59, 60], 0.1, 4, 60, 0.0),
        _case("a floor equal to base_lr: constant after the warmup", [0, 2, 5, 30], 0.1, 4, 20, 0.1),
        _case("no steps", [], 0.1, 4, 60, 0.0),
        Case.of("a negative step", [-1, 0], 0.1, 4, 60, 0.0, raises="ValueError"),
        Case.of("warmup longer than the schedule", [0], 0.1, 10, 5, 0.0, raises="ValueError"),
        Case.of("a floor above base_lr", [0], 0.1, 1, 5, 0.2, raises="ValueError"),
        Case.of("a negative floor", [0], 0.1, 1, 5, -0.01, raises="ValueError"),
        Case.of("a negative warmup", [0, 3], 0.1, -1, 5, 0.0, raises="ValueError"),
        Case.of("total_steps of zero", [0], 0.1, 0, 0, 0.0, raises="ValueError"),
    ]
