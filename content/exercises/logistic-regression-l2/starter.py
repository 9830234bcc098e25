import numpy as np


def fit_logistic_l2(X, y, lam, lr, tol, max_iter) -> tuple[np.ndarray, float, int]:
    """Return (w, b, n_updates) of L2-penalised logistic regression trained by batch gradient descent."""
    raise NotImplementedError
