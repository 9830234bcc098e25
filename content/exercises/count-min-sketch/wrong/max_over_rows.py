import hashlib


def column(seed, key, width):
    return int.from_bytes(hashlib.md5(f"{seed}:{key}".encode()).digest()[:8], "big") % width


def sketch_estimates(width, seeds, updates, queries):
    if width < 1:
        raise ValueError("width must be at least 1")
    if not seeds:
        raise ValueError("the sketch needs at least one row")
    if any(count < 0 for _key, count in updates):
        raise ValueError("counts must not be negative")
    table = [[0] * width for _ in seeds]
    for key, count in updates:
        for row, seed in zip(table, seeds, strict=True):
            row[column(seed, key, width)] += count
    # The largest counter: the row with the most collisions decides.
    return [
        max(row[column(seed, key, width)] for row, seed in zip(table, seeds, strict=True)) for key in queries
    ]
