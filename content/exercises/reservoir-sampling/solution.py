import random


def reservoir_sample(stream, k, seed):
    if k < 0:
        raise ValueError("k must not be negative")
    rng = random.Random(seed)
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
            continue
        j = rng.randrange(i + 1)
        if j < k:
            reservoir[j] = item
    return reservoir
