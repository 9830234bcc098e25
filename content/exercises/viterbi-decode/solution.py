import numpy as np


def _check_distribution(p, name):
    if np.any(p < 0) or np.any(p > 1) or not np.allclose(p.sum(axis=-1), 1.0, rtol=0.0, atol=1e-8):
        raise ValueError(f"{name} must hold probabilities that sum to 1")


def viterbi(start, trans, emit, observations):
    start = np.asarray(start, dtype=float)
    trans = np.asarray(trans, dtype=float)
    emit = np.asarray(emit, dtype=float)
    obs = np.asarray(observations)
    if (
        start.ndim != 1
        or trans.shape != (len(start), len(start))
        or emit.ndim != 2
        or len(emit) != len(start)
    ):
        raise ValueError("start (S,), trans (S, S) and emit (S, M) do not agree")
    for p, name in ((start, "start"), (trans, "trans"), (emit, "emit")):
        _check_distribution(p, name)
    if obs.ndim != 1:
        raise ValueError("observations must be 1-D")
    if len(obs) == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    if obs.dtype.kind not in "iu" or obs.min() < 0 or obs.max() >= emit.shape[1]:
        raise ValueError("observations must be ints in 0 .. M - 1")
    with np.errstate(divide="ignore"):
        log_start, log_trans, log_emit = np.log(start), np.log(trans), np.log(emit)
    steps = len(obs)
    back = np.zeros((steps, len(start)), dtype=np.int64)
    score = log_start + log_emit[:, obs[0]]
    for t in range(1, steps):
        candidates = score[:, None] + log_trans  # [previous state, next state]
        back[t] = np.argmax(candidates, axis=0)  # first maximum: the lowest predecessor
        score = candidates[back[t], np.arange(len(start))] + log_emit[:, obs[t]]
    best = float(score.max())
    if best == -np.inf:
        raise ValueError("every hidden path has probability 0")
    path = np.zeros(steps, dtype=np.int64)
    path[-1] = int(np.argmax(score))
    for t in range(steps - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path, best
