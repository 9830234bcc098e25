import numpy as np


def naive_bayes_log_posterior(X_train, y_train, X_test, alpha):
    X_train, X_test = np.asarray(X_train, dtype=float), np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    if alpha <= 0 or len(X_train) == 0 or len(y_train) != len(X_train):
        raise ValueError("bad input")
    if X_test.shape[1] != X_train.shape[1] or (X_train < 0).any() or (X_test < 0).any():
        raise ValueError("bad counts")
    classes = np.unique(y_train)
    counts = np.array([X_train[y_train == c].sum(axis=0) for c in classes])
    theta = (counts + alpha) / (counts.sum(axis=1, keepdims=True) + alpha * X_train.shape[1])
    joint = X_test @ np.log(theta).T  # the likelihood alone: every class equally likely a priori
    top = joint.max(axis=1, keepdims=True) if len(joint) else 0.0
    return joint - top - np.log(np.exp(joint - top).sum(axis=1, keepdims=True))
