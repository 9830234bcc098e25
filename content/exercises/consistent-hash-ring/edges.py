"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import hashlib

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _position(s: str) -> int:
    return int.from_bytes(hashlib.md5(s.encode("utf-8")).digest()[:8], "big")


def _points(nodes, replicas):
    return {_position(f"{n}#{i}") for n in nodes for i in range(replicas)}


EDGES: dict[str, Edge] = {
    "a key exactly on a point": answered(
        args(lambda nodes, r, keys: bool({_position(k) for k in keys} & _points(nodes, r)))
    ),
    "a key past the last point (wrap-around)": answered(
        args(lambda nodes, r, keys: any(_position(k) > max(_points(nodes, r)) for k in keys))
    ),
    "a single node": answered(args(lambda nodes, r, keys: len(nodes) == 1 and bool(keys))),
    "no keys": answered(empty(2)),
    "no nodes, refused": refused(args(lambda nodes, r, keys: not nodes)),
    "a repeated node, refused": refused(args(lambda nodes, r, keys: len(set(nodes)) < len(nodes))),
    "replicas below one, refused": refused(args(lambda nodes, r, keys: r < 1)),
}
