def finetune_step(state, frozen, X, y, lr):
    """Freeze the named layers of Linear-BN-ReLU-Linear-BN-ReLU-Linear (frozen BatchNorm layers in
    eval mode), take one SGD step on the rest, return (trained parameter names, new state dict)."""
    raise NotImplementedError
