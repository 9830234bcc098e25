import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if n < 2:
        raise ValueError("need at least two samples")
    if not 1 <= n_components <= min(n, d):
        raise ValueError("n_components must be between 1 and min(n, d)")
    if np.all(X[0] == X):
        raise ValueError("all rows are equal: there is no variance to explain")
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    total = float((S**2).sum())
    components = Vt[:n_components].copy()
    largest = np.argmax(np.abs(components), axis=1)
    signs = np.sign(components[np.arange(n_components), largest])
    components *= signs[:, None]
    ratio = S[:n_components] ** 2 / total
    return components, ratio, Xc @ components.T
