import bisect
import hashlib


def position(s):
    return int.from_bytes(hashlib.md5(s.encode("utf-8")).digest()[:8], "big")


def ring_owners(nodes, replicas, keys):
    if not nodes:
        raise ValueError("the ring needs at least one node")
    if len(set(nodes)) != len(nodes):
        raise ValueError("node names must be distinct")
    if replicas < 1:
        raise ValueError("replicas must be at least 1")
    points = sorted((position(f"{node}#{i}"), node) for node in nodes for i in range(replicas))
    positions = [p for p, _node in points]
    owners = []
    for key in keys:
        # bisect_left: a key exactly at a point's position belongs to that point.
        index = bisect.bisect_left(positions, position(key))
        owners.append(points[index % len(points)][1])
    return owners
