import numpy as np


def naive_bayes_log_posterior(X_train, y_train, X_test, alpha):
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train)
    X_test = np.asarray(X_test, dtype=float)
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if X_train.ndim != 2 or X_train.shape[0] == 0:
        raise ValueError("need at least one training document")
    if y_train.shape != (X_train.shape[0],):
        raise ValueError("y_train must have one label per training document")
    d = X_train.shape[1]
    if X_test.ndim != 2 or X_test.shape[1] != d:
        raise ValueError("X_test must have the training data's columns")
    if np.any(X_train < 0) or np.any(X_test < 0):
        raise ValueError("counts must be non-negative")
    classes = np.unique(y_train)
    log_prior = np.log(np.array([np.mean(y_train == c) for c in classes]))
    totals = np.array([X_train[y_train == c].sum(axis=0) for c in classes])
    log_theta = np.log(totals + alpha) - np.log(totals.sum(axis=1, keepdims=True) + alpha * d)
    joint = log_prior + X_test @ log_theta.T
    top = joint.max(axis=1, keepdims=True) if len(joint) else np.zeros((0, 1))
    log_norm = top + np.log(np.exp(joint - top).sum(axis=1, keepdims=True))
    return joint - log_norm
