import hashlib


def position(s: str) -> int:
    """The ring position of a string: the first 8 bytes of its MD5 digest, big-endian."""
    return int.from_bytes(hashlib.md5(s.encode("utf-8")).digest()[:8], "big")


def ring_owners(nodes: list[str], replicas: int, keys: list[str]) -> list[str]:
    """The node owning each key: the first virtual node at or after the key's position, wrapping."""
    raise NotImplementedError
