def min_stage_load(layer_costs: list[int], n_stages: int) -> int:
    """Return the smallest possible maximum load of at most n_stages contiguous groups of layers."""
    raise NotImplementedError
