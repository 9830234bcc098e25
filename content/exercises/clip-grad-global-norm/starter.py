def clip_grad_norm(grads, max_norm):
    """Return (the gradients rescaled to a joint L2 norm of at most max_norm, the norm before)."""
    raise NotImplementedError
