def early_stopping_fit(W, b, X_train, y_train, X_val, y_val, lr, max_epochs, patience, min_delta=0.0):
    """Train X @ W + b by full-batch gradient descent on MSE with early stopping on the
    validation loss; return (best W, best b, best epoch, validation losses from epoch 0)."""
    raise NotImplementedError
