def token_budget_batches(lengths: list[int], max_tokens: int, max_batch: int) -> list[list[int]]:
    """Batches of sequence indices, shortest first, each with size * longest <= max_tokens."""
    raise NotImplementedError
