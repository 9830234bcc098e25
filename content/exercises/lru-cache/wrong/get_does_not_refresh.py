from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        if capacity < 0:
            raise ValueError("capacity must not be negative")
        self.capacity = capacity
        self.entries = OrderedDict()

    def get(self, key):
        # Reads leave the order alone: this evicts the oldest insert (FIFO), not the least used.
        return self.entries.get(key)

    def put(self, key, value):
        if key in self.entries:
            self.entries[key] = value
            self.entries.move_to_end(key)
            return
        if self.capacity == 0:
            return
        if len(self.entries) >= self.capacity:
            self.entries.popitem(last=False)
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
