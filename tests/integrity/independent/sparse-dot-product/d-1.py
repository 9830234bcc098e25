from collections import defaultdict


def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    if len(a_indices) != len(a_values) or len(b_indices) != len(b_values):
        raise ValueError("indices and values lengths differ")
    da = defaultdict(float)
    for i, v in zip(a_indices, a_values):
        da[i] += v
    db = defaultdict(float)
    for i, v in zip(b_indices, b_values):
        db[i] += v
    if len(db) < len(da):
        da, db = db, da
    tot = 0.0
    for i, v in da.items():
        if i in db:
            tot += v * db[i]
    return tot
