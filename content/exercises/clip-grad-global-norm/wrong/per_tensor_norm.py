def clip_grad_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError("max_norm must be positive")
    clipped, squares = [], 0.0
    for g in grads:
        if g is None:
            clipped.append(None)
            continue
        norm = float(g.norm())
        squares += norm**2
        # Each tensor clipped by its own norm: the update changes direction.
        clipped.append(g * min(1.0, max_norm / (norm + 1e-6)))
    return clipped, squares**0.5
