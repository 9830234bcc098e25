def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between a and b (unit-cost insert, delete, substitute)."""
    # Here I build the complete (len(a) + 1) x (len(b) + 1) table instead of just two rows.
    # It uses more memory, but it is easier for me to reason about, and for a few hundred
    # characters the memory is small (a few hundred thousand ints at most).
    number_of_rows = len(a) + 1
    number_of_columns = len(b) + 1

    # distance_table[i][j] will hold the edit distance between the prefixes a[:i] and b[:j].
    distance_table = []
    for row_index in range(number_of_rows):
        distance_table.append([0] * number_of_columns)

    # Boundary condition along the first column: delete every character of a[:i].
    for row_index in range(number_of_rows):
        distance_table[row_index][0] = row_index

    # Boundary condition along the first row: insert every character of b[:j].
    for column_index in range(number_of_columns):
        distance_table[0][column_index] = column_index

    # Fill the interior row by row, each cell depending only on its upper, left
    # and upper-left neighbours, which are already known at that point.
    for row_index in range(1, number_of_rows):
        for column_index in range(1, number_of_columns):
            characters_match = a[row_index - 1] == b[column_index - 1]

            value_from_above = distance_table[row_index - 1][column_index]
            value_from_left = distance_table[row_index][column_index - 1]
            value_from_diagonal = distance_table[row_index - 1][column_index - 1]

            if characters_match:
                # Keeping the character costs nothing, and it can never be worse
                # than going through a deletion or insertion, but I still compare
                # all three candidates to stay close to the textbook recurrence.
                diagonal_candidate = value_from_diagonal
            else:
                diagonal_candidate = value_from_diagonal + 1

            deletion_candidate = value_from_above + 1
            insertion_candidate = value_from_left + 1

            distance_table[row_index][column_index] = min(
                diagonal_candidate, deletion_candidate, insertion_candidate
            )

    # The answer sits in the far corner of the table.
    return distance_table[number_of_rows - 1][number_of_columns - 1]
