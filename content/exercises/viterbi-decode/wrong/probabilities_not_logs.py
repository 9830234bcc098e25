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
    # multiply probabilities directly and take the log at the end
    score = start * emit[:, obs[0]]
    if not score.any():
        raise ValueError("impossible observations")
    back = np.zeros((len(obs), n), dtype=int)
    for t in range(1, len(obs)):
        candidates = score[:, None] * trans
        back[t] = np.argmax(candidates, axis=0)
        score = candidates.max(axis=0) * emit[:, obs[t]]
    path = np.zeros(len(obs), dtype=int)
    path[-1] = int(np.argmax(score))
    for t in range(len(obs) - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    with np.errstate(divide="ignore"):
        return path, float(np.log(score.max()))
