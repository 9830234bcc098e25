import numpy as np


def fit_linear_early_stopping(X_train, y_train, X_val, y_val, lr, max_epochs, patience):
    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train, dtype=float)
    X_val, y_val = np.asarray(X_val, dtype=float), np.asarray(y_val, dtype=float)
    if X_train.ndim != 2 or X_val.ndim != 2 or len(X_train) == 0 or len(X_val) == 0:
        raise ValueError("both sets need at least one row")
    if y_train.shape != (len(X_train),) or y_val.shape != (len(X_val),):
        raise ValueError("one target per row")
    if X_train.shape[1] != X_val.shape[1]:
        raise ValueError("the two sets must have the same columns")
    if patience < 1:
        raise ValueError("patience must be at least 1")

    def val_mse(w, b):
        return float(np.mean((X_val @ w + b - y_val) ** 2))

    n = len(X_train)
    w, b = np.zeros(X_train.shape[1]), 0.0
    best_w, best_b, best_epoch, best_loss = w.copy(), b, 0, val_mse(w, b)
    stalled = 0
    for epoch in range(1, max_epochs + 1):
        r = X_train @ w + b - y_train
        w = w - lr * 2 * X_train.T @ r / n
        b = b - lr * 2 * float(r.mean())
        loss = val_mse(w, b)
        if loss < best_loss:
            best_w, best_b, best_epoch, best_loss = w.copy(), b, epoch, loss
            stalled = 0
        else:
            stalled += 1
            if stalled >= patience:
                break
    return best_w, float(best_b), best_epoch
