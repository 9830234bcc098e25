import numpy as np


def gmm_e_step(X, weights, means, covariances):
    X, weights = np.asarray(X, dtype=float), np.asarray(weights, dtype=float)
    means, covariances = np.asarray(means, dtype=float), np.asarray(covariances, dtype=float)
    k, d = means.shape
    if X.ndim != 2 or X.shape[1] != d or covariances.shape != (k, d, d) or weights.shape != (k,):
        raise ValueError("bad shapes")
    if np.any(weights < 0) or abs(weights.sum() - 1.0) > 1e-8:
        raise ValueError("bad weights")
    dens = np.empty((len(X), k))
    for j in range(k):
        cov = covariances[j]
        if not np.allclose(cov, cov.T) or np.any(np.linalg.eigvalsh(cov) <= 0):
            raise ValueError("bad covariance")
        diff = X - means[j]
        maha = np.einsum("ni,ij,nj->n", diff, np.linalg.inv(cov), diff)
        dens[:, j] = weights[j] * np.exp(-0.5 * maha) / np.sqrt((2 * np.pi) ** d * np.linalg.det(cov))
    total = dens.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return dens / total, float(np.sum(np.log(total)))
