def allowed_requests(timestamps: list[float], limit: int, window: float) -> list[bool]:
    """Return, per request, whether fewer than `limit` admitted requests lie in (t - window, t]."""
    raise NotImplementedError
