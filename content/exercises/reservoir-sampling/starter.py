def reservoir_sample(stream: list, k: int, seed: int) -> list:
    """Return the k-item reservoir (in slot order) built by the statement's algorithm-R recipe."""
    raise NotImplementedError
