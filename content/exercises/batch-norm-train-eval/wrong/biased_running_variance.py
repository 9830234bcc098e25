import numpy as np


def batch_norm(x, gamma, beta, running_mean, running_var, training, momentum, eps):
    x = np.asarray(x, dtype=float)
    gamma, beta = np.asarray(gamma, dtype=float), np.asarray(beta, dtype=float)
    rm, rv = np.asarray(running_mean, dtype=float), np.asarray(running_var, dtype=float)
    if x.ndim != 2 or any(a.shape != (x.shape[1],) for a in (gamma, beta, rm, rv)):
        raise ValueError("bad shapes")
    if not training:
        return gamma * (x - rm) / np.sqrt(rv + eps) + beta, rm.copy(), rv.copy()
    if len(x) < 2:
        raise ValueError("need two samples")
    mu, var = x.mean(axis=0), x.var(axis=0)
    out = gamma * (x - mu) / np.sqrt(var + eps) + beta
    return out, (1 - momentum) * rm + momentum * mu, (1 - momentum) * rv + momentum * var
