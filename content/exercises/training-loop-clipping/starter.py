def train(params, X, y, steps, lr, momentum=0.0, weight_decay=0.0, max_norm=None):
    """Return (losses before each step, new state dict) after `steps` full-batch SGD steps of
    Linear -> ReLU -> Linear under cross-entropy, clipping the global gradient norm to max_norm."""
    raise NotImplementedError
