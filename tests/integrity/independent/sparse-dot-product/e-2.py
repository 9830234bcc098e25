from typing import List, Sequence, Tuple


class SparseVector:
    """Sorted, de-duplicated (index, value) entries built from COO-style input."""

    def __init__(self, indices: Sequence[int], values: Sequence[float], label: str) -> None:
        if len(indices) != len(values):
            raise ValueError(
                f"vector {label}: got {len(indices)} indices and {len(values)} values"
            )
        self.entries: List[Tuple[int, float]] = self._collapse(indices, values)

    @staticmethod
    def _collapse(indices: Sequence[int], values: Sequence[float]) -> List[Tuple[int, float]]:
        pairs = sorted(zip(indices, values), key=lambda pair: pair[0])
        collapsed: List[Tuple[int, float]] = []
        for index, value in pairs:
            if collapsed and collapsed[-1][0] == index:
                collapsed[-1] = (index, collapsed[-1][1] + value)
            else:
                collapsed.append((index, value))
        return collapsed

    def dot(self, other: "SparseVector") -> float:
        left, right = self.entries, other.entries
        i, j = 0, 0
        total = 0.0
        while i < len(left) and j < len(right):
            left_index, right_index = left[i][0], right[j][0]
            if left_index == right_index:
                total += left[i][1] * right[j][1]
                i += 1
                j += 1
            elif left_index < right_index:
                i += 1
            else:
                j += 1
        return total


def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    first = SparseVector(a_indices, a_values, "a")
    second = SparseVector(b_indices, b_values, "b")
    return float(first.dot(second))
