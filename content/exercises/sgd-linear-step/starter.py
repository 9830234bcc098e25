def sgd_step(W, b, X, y, lr):
    """Return (W_new, b_new, loss before the step) for one SGD step on mean squared error."""
    raise NotImplementedError
