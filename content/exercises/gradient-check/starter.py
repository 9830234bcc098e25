def gradient_check(X, y, W, lam, analytic, eps) -> tuple[float, tuple[int, int]]:
    """Return (largest relative error, (p, q) where it occurs) of analytic against central differences."""
    raise NotImplementedError
