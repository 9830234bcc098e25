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
    # Plain modulo hashing: cheap, but a key's owner depends on the number of nodes, not on a ring.
    return [nodes[position(key) % len(nodes)] for key in keys]
