import numpy as np


def best_split(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y)
    if len(x) == 0 or len(x) != len(y):
        raise ValueError("bad input")
    values = np.unique(x)
    best = None
    for t in (values[:-1] + values[1:]) / 2:
        impurities = []
        for side in (x <= t, x > t):
            _, counts = np.unique(y[side], return_counts=True)
            impurities.append(1 - np.sum((counts / counts.sum()) ** 2))
        score = float(np.mean(impurities))
        if best is None or score < best[1] - 1e-12:
            best = (float(t), score)
    return best
