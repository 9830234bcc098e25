class LRUCache:
    def __init__(self, capacity: int) -> None:
        raise NotImplementedError

    def get(self, key):
        """The value stored for key (which becomes the most recently used), or None."""
        raise NotImplementedError

    def put(self, key, value) -> None:
        """Store value under key; evict the least recently used entry if a new key needs room."""
        raise NotImplementedError


def run_lru(capacity: int, operations: list[list]) -> list:
    """Apply ["put", key, value] and ["get", key] operations in order; return what each get returned."""
    cache = LRUCache(capacity)
    results = []
    for operation in operations:
        if operation[0] == "put":
            cache.put(operation[1], operation[2])
        else:
            results.append(cache.get(operation[1]))
    return results
