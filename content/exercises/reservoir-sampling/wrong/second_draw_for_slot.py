import random


def reservoir_sample(stream, k, seed):
    if k < 0:
        raise ValueError("k must not be negative")
    rng = random.Random(seed)
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        elif rng.randrange(i + 1) < k:
            # Draws a second number for the slot instead of reusing j.
            reservoir[rng.randrange(k)] = item
    return reservoir
