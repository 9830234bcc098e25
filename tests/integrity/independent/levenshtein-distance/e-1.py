from typing import List


def _require_string(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    return value


def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between a and b (unit-cost insert, delete, substitute)."""
    source = _require_string(a, "a")
    target = _require_string(b, "b")

    if len(source) == 0:
        return len(target)
    if len(target) == 0:
        return len(source)

    # Keep the shorter string along the row so the two buffers stay small.
    if len(target) > len(source):
        source, target = target, source

    previous_row: List[int] = list(range(len(target) + 1))
    current_row: List[int] = [0] * (len(target) + 1)

    for i in range(1, len(source) + 1):
        current_row[0] = i
        source_char = source[i - 1]
        for j in range(1, len(target) + 1):
            substitution_cost = 0 if source_char == target[j - 1] else 1
            delete_cost = previous_row[j] + 1
            insert_cost = current_row[j - 1] + 1
            replace_cost = previous_row[j - 1] + substitution_cost
            current_row[j] = min(delete_cost, insert_cost, replace_cost)
        previous_row, current_row = current_row, previous_row

    return previous_row[len(target)]
