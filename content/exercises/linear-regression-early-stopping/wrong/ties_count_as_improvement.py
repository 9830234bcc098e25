import numpy as np


def fit_linear_early_stopping(X_train, y_train, X_val, y_val, lr, max_epochs, patience):
    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train, dtype=float)
    X_val, y_val = np.asarray(X_val, dtype=float), np.asarray(y_val, dtype=float)
    if len(X_train) == 0 or len(X_val) == 0 or patience < 1:
        raise ValueError("bad input")
    if len(y_train) != len(X_train) or len(y_val) != len(X_val) or X_train.shape[1] != X_val.shape[1]:
        raise ValueError("bad shapes")
    w, b = np.zeros(X_train.shape[1]), 0.0
    best = (w.copy(), b, 0, np.mean((X_val @ w + b - y_val) ** 2))
    stalled = 0
    for epoch in range(1, max_epochs + 1):
        r = X_train @ w + b - y_train
        w, b = w - lr * 2 * X_train.T @ r / len(X_train), b - lr * 2 * r.mean()
        loss = np.mean((X_val @ w + b - y_val) ** 2)
        if loss <= best[3]:  # an equal loss resets the patience and moves the best epoch
            best, stalled = (w.copy(), b, epoch, loss), 0
        else:
            stalled += 1
            if stalled == patience:
                break
    return best[0], float(best[1]), best[2]
