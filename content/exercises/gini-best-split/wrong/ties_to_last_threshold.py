import numpy as np


def best_split(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y)
    if len(x) == 0 or len(x) != len(y):
        raise ValueError("bad input")
    values = np.unique(x)
    best = None
    for t in (values[:-1] + values[1:]) / 2:
        score = 0.0
        for side in (x <= t, x > t):
            _, counts = np.unique(y[side], return_counts=True)
            score += side.mean() * (1 - np.sum((counts / counts.sum()) ** 2))
        if best is None or score <= best[1] + 1e-12:
            best = (float(t), float(score))
    return best
