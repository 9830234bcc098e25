def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between a and b (unit-cost insert, delete, substitute)."""
    # I think of this as a grid: row index i counts how many characters of `a`
    # have been consumed, column index j counts how many of `b` have been produced.
    # The value in a cell is the cheapest way to turn a[:i] into b[:j].
    # Only the previous row is ever needed to fill the current row, so I keep two rows.
    length_of_a = len(a)
    length_of_b = len(b)

    # Trivial boundary cases: with nothing on one side we just insert or delete everything.
    if length_of_a == 0:
        return length_of_b
    if length_of_b == 0:
        return length_of_a

    # Row for i = 0: turning an empty prefix of `a` into b[:j] needs j insertions.
    previous_row = []
    for column_index in range(length_of_b + 1):
        previous_row.append(column_index)

    for row_index in range(1, length_of_a + 1):
        character_of_a = a[row_index - 1]

        # First cell of each row: turning a[:i] into the empty string needs i deletions.
        current_row = [0] * (length_of_b + 1)
        current_row[0] = row_index

        for column_index in range(1, length_of_b + 1):
            character_of_b = b[column_index - 1]

            # A substitution is free when the two characters are already identical.
            if character_of_a == character_of_b:
                substitution_cost = 0
            else:
                substitution_cost = 1

            # Three ways to arrive at this cell:
            #   from above  -> delete character_of_a
            #   from left   -> insert character_of_b
            #   from corner -> substitute (or keep) the character
            cost_if_delete = previous_row[column_index] + 1
            cost_if_insert = current_row[column_index - 1] + 1
            cost_if_substitute = previous_row[column_index - 1] + substitution_cost

            best_cost = cost_if_delete
            if cost_if_insert < best_cost:
                best_cost = cost_if_insert
            if cost_if_substitute < best_cost:
                best_cost = cost_if_substitute
            current_row[column_index] = best_cost

        # The row we just filled becomes the "previous" one for the next step.
        previous_row = current_row

    # Bottom-right corner of the grid: all of `a` turned into all of `b`.
    return previous_row[length_of_b]
