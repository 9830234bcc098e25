from collections import defaultdict
from typing import Dict, List


def _check_lengths(indices: List[int], values: List[float], name: str) -> None:
    if len(indices) != len(values):
        raise ValueError(
            f"{name}: indices has {len(indices)} entries but values has {len(values)}"
        )


def _accumulate(indices: List[int], values: List[float]) -> Dict[int, float]:
    totals: Dict[int, float] = defaultdict(float)
    for index, value in zip(indices, values):
        if index < 0:
            raise ValueError(f"negative index {index}")
        totals[index] += value
    return totals


def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    _check_lengths(a_indices, a_values, "a")
    _check_lengths(b_indices, b_values, "b")

    vector_a = _accumulate(a_indices, a_values)
    vector_b = _accumulate(b_indices, b_values)

    # Walk the smaller map and look up into the bigger one.
    smaller, larger = (vector_a, vector_b) if len(vector_a) <= len(vector_b) else (vector_b, vector_a)

    result = 0.0
    for position, value in smaller.items():
        other = larger.get(position)
        if other is not None:
            result += value * other
    return float(result)
