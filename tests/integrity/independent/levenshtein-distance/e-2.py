from typing import List

INSERT_COST = 1
DELETE_COST = 1
SUBSTITUTE_COST = 1


class EditDistanceTable:
    """Full (m + 1) x (n + 1) dynamic-programming table for two strings."""

    def __init__(self, left: str, right: str) -> None:
        self.left = left
        self.right = right
        self.rows = len(left) + 1
        self.cols = len(right) + 1
        self.cells: List[List[int]] = [[0] * self.cols for _ in range(self.rows)]

    def _init_borders(self) -> None:
        for row in range(self.rows):
            self.cells[row][0] = row * DELETE_COST
        for col in range(self.cols):
            self.cells[0][col] = col * INSERT_COST

    def _cell_value(self, row: int, col: int) -> int:
        same = self.left[row - 1] == self.right[col - 1]
        diagonal = self.cells[row - 1][col - 1] + (0 if same else SUBSTITUTE_COST)
        from_above = self.cells[row - 1][col] + DELETE_COST
        from_left = self.cells[row][col - 1] + INSERT_COST
        return min(diagonal, from_above, from_left)

    def compute(self) -> int:
        self._init_borders()
        for row in range(1, self.rows):
            for col in range(1, self.cols):
                self.cells[row][col] = self._cell_value(row, col)
        return self.cells[self.rows - 1][self.cols - 1]


def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between a and b (unit-cost insert, delete, substitute)."""
    for label, value in (("a", a), ("b", b)):
        if not isinstance(value, str):
            raise TypeError(f"argument {label} must be a string")
    if a == b:
        return 0
    return EditDistanceTable(a, b).compute()
