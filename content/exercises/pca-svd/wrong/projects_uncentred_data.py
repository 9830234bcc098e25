import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2 or not 1 <= n_components <= min(X.shape):
        raise ValueError("bad input")
    _, S, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    if (S**2).sum() == 0:
        raise ValueError("no variance")
    components = Vt[:n_components]
    rows = np.arange(n_components)
    components = components * np.sign(components[rows, np.abs(components).argmax(axis=1)])[:, None]
    return components, S[:n_components] ** 2 / (S**2).sum(), X @ components.T
