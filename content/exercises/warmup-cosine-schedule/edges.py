"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "step 0 during a warmup": answered(args(lambda steps, base, w, total, floor: w > 0 and 0 in list(steps))),
    "the end of the warmup": answered(args(lambda steps, base, w, total, floor: w > 0 and w in list(steps))),
    "steps past the total": answered(
        args(lambda steps, base, w, total, floor: any(s > total for s in steps))
    ),
    "no warmup": answered(args(lambda steps, base, w, total, floor: w == 0 and len(steps) > 0)),
    "warmup as long as the schedule": answered(args(lambda steps, base, w, total, floor: 0 < w == total)),
    "a floor equal to base_lr": answered(args(lambda steps, base, w, total, floor: floor == base)),
    "no steps": answered(empty(0)),
    "a negative step, refused": refused(args(lambda steps, *rest: any(s < 0 for s in steps))),
    "warmup longer than the schedule, refused": refused(args(lambda steps, base, w, total, floor: w > total)),
    "a negative floor, refused": refused(args(lambda steps, base, w, total, floor: floor < 0)),
    "a negative warmup, refused": refused(args(lambda steps, base, w, total, floor: w < 0)),
    "a floor above base_lr, refused": refused(args(lambda steps, base, w, total, floor: floor > base)),
    "total_steps below one, refused": refused(args(lambda steps, base, w, total, floor: total < 1)),
}
