import numpy as np


def batch_norm(x, gamma, beta, running_mean, running_var, training, momentum, eps):
    x = np.asarray(x, dtype=float)
    gamma, beta = np.asarray(gamma, dtype=float), np.asarray(beta, dtype=float)
    running_mean = np.asarray(running_mean, dtype=float)
    running_var = np.asarray(running_var, dtype=float)
    if x.ndim != 2:
        raise ValueError("x must be 2-D")
    d = x.shape[1]
    if any(a.shape != (d,) for a in (gamma, beta, running_mean, running_var)):
        raise ValueError("gamma, beta and the running statistics must have shape (d,)")
    if not training:
        out = gamma * (x - running_mean) / np.sqrt(running_var + eps) + beta
        return out, running_mean.copy(), running_var.copy()
    n = x.shape[0]
    if n < 2:
        raise ValueError("training needs at least two samples")
    mu = x.mean(axis=0)
    var = ((x - mu) ** 2).mean(axis=0)
    out = gamma * (x - mu) / np.sqrt(var + eps) + beta
    new_mean = (1.0 - momentum) * running_mean + momentum * mu
    new_var = (1.0 - momentum) * running_var + momentum * var * n / (n - 1)
    return out, new_mean, new_var
