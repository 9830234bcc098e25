import numpy as np


def viterbi(start, trans, emit, observations):
    start, trans, emit = (np.asarray(a, dtype=float) for a in (start, trans, emit))
    obs = np.asarray(observations, dtype=int)
    n = len(start)
    if trans.shape != (n, n) or len(emit) != n or np.any(obs < 0) or np.any(obs >= emit.shape[1]):
        raise ValueError("bad input")
    for p in (start, trans, emit):
        if np.any(p < 0) or np.any(p > 1) or not np.allclose(p.sum(axis=-1), 1.0):
            raise ValueError("bad probabilities")
    if len(obs) == 0:
        return np.zeros(0, dtype=int), 0.0
    with np.errstate(divide="ignore"):
        ls, lt, le = np.log(start), np.log(trans), np.log(emit)
    score = ls + le[:, obs[0]]
    back = np.zeros((len(obs), n), dtype=int)
    for t in range(1, len(obs)):
        new = np.full(n, -np.inf)
        for b in range(n):
            for a in range(n):
                value = score[a] + lt[a, b]
                if value >= new[b]:  # a later state wins a tie
                    new[b], back[t, b] = value, a
        score = new + le[:, obs[t]]
    if score.max() == -np.inf:
        raise ValueError("impossible observations")
    path = np.zeros(len(obs), dtype=int)
    path[-1] = n - 1 - int(np.argmax(score[::-1]))
    for t in range(len(obs) - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path, float(score.max())
