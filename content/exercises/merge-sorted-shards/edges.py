"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _equal_times_across_shards(shards):
    seen = [set(t for t, _ in shard) for shard in shards]
    return any(seen[i] & seen[j] for i in range(len(seen)) for j in range(i + 1, len(seen)))


EDGES: dict[str, Edge] = {
    "equal timestamps in different shards": answered(args(_equal_times_across_shards)),
    "an empty shard": answered(args(lambda shards: any(len(s) == 0 for s in shards) and any(shards))),
    "no shards": answered(empty(0)),
    "an unsorted shard, refused": refused(
        args(lambda shards: any(s[i][0] < s[i - 1][0] for s in shards for i in range(1, len(s))))
    ),
}
