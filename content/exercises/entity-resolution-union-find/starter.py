def group_records(record_ids: list[str], matches: list[tuple[str, str]]) -> list[list[str]]:
    """Return the entities: sorted groups of ids, listed by their smallest id; singletons included."""
    raise NotImplementedError
