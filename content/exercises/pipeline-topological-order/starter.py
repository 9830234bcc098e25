def pipeline_order(steps: list[str], dependencies: list[tuple[str, str]]) -> list[str]:
    """Return the run order: always the alphabetically first ready step; ValueError on a cycle."""
    raise NotImplementedError
