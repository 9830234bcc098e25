import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) < 2 or not 1 <= n_components <= min(X.shape):
        raise ValueError("bad input")
    Xc = X - X.mean(axis=0)
    cov = Xc.T @ Xc / (len(X) - 1)
    values, vectors = np.linalg.eigh(cov)
    if values.sum() <= 0:
        raise ValueError("no variance")
    values = np.clip(values, 0.0, None)
    components = vectors[:, :n_components].T  # eigh sorts eigenvalues in ascending order
    rows = np.arange(n_components)
    components = components * np.sign(components[rows, np.abs(components).argmax(axis=1)])[:, None]
    return components, values[:n_components] / values.sum(), Xc @ components.T
