def cheapest_costs(edges: list[tuple[str, str, float]], source: str) -> dict[str, float | None]:
    """The cheapest total cost from source to every artefact (None when unreachable)."""
    raise NotImplementedError
