import numpy as np


def gmm_e_step(X, weights, means, covariances):
    X = np.asarray(X, dtype=float)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    covariances = np.asarray(covariances, dtype=float)
    if weights.ndim != 1 or len(weights) == 0:
        raise ValueError("weights must be a non-empty 1-D array")
    k = len(weights)
    if means.ndim != 2 or means.shape[0] != k:
        raise ValueError("means must have shape (k, d)")
    d = means.shape[1]
    if X.ndim != 2 or X.shape[1] != d or covariances.shape != (k, d, d):
        raise ValueError("X must be (n, d) and covariances (k, d, d)")
    if np.any(weights < 0) or abs(weights.sum() - 1.0) > 1e-8:
        raise ValueError("weights must be non-negative and sum to 1")
    log_terms = np.empty((len(X), k))
    with np.errstate(divide="ignore"):
        log_weights = np.log(weights)  # -inf for a weight of 0
    for j in range(k):
        cov = covariances[j]
        if not np.allclose(cov, cov.T, rtol=0.0, atol=1e-8):
            raise ValueError("covariance matrices must be symmetric")
        try:
            chol = np.linalg.cholesky(cov)
        except np.linalg.LinAlgError:
            raise ValueError("covariance matrices must be positive definite") from None
        z = np.linalg.solve(chol, (X - means[j]).T)  # L z = x - mu, so |z|^2 is the Mahalanobis term
        log_det = 2.0 * np.sum(np.log(np.diag(chol)))
        log_terms[:, j] = log_weights[j] - 0.5 * (d * np.log(2 * np.pi) + log_det + np.sum(z**2, axis=0))
    if len(X) == 0:
        return np.zeros((0, k)), 0.0
    top = log_terms.max(axis=1, keepdims=True)
    log_norm = top[:, 0] + np.log(np.exp(log_terms - top).sum(axis=1))
    resp = np.exp(log_terms - log_norm[:, None])
    return resp, float(log_norm.sum())
