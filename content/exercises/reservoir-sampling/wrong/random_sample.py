import random


def reservoir_sample(stream, k, seed):
    if k < 0:
        raise ValueError("k must not be negative")
    rng = random.Random(seed)
    items = list(stream)
    if len(items) <= k:
        return items
    # A uniform sample too, but it needs the whole stream in memory and draws other numbers.
    return rng.sample(items, k)
