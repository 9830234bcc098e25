from typing import List, Sequence, Union

Number = Union[int, float]


def _validate_interval(position: int, interval: Sequence[Number]) -> None:
    if len(interval) != 2:
        raise ValueError(f"interval at index {position} must have exactly two values")
    start, end = interval[0], interval[1]
    if start > end:
        raise ValueError(f"interval at index {position} has start {start} > end {end}")


def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    if intervals is None:
        raise ValueError("intervals must not be None")

    for position, interval in enumerate(intervals):
        _validate_interval(position, interval)

    if len(intervals) == 0:
        return []

    ordered = sorted(intervals, key=lambda pair: pair[0])

    merged: List[List[Number]] = []
    current_start, current_end = ordered[0][0], ordered[0][1]
    for index in range(1, len(ordered)):
        next_start, next_end = ordered[index][0], ordered[index][1]
        if next_start <= current_end:
            # Overlapping or touching (closed intervals): extend the running span.
            if next_end > current_end:
                current_end = next_end
        else:
            merged.append([current_start, current_end])
            current_start, current_end = next_start, next_end
    merged.append([current_start, current_end])

    return merged
