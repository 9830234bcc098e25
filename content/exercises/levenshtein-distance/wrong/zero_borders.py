def edit_distance(a, b):
    # The first row and column start at zero instead of 0, 1, 2, ...: leading edits are free.
    previous = [0] * (len(b) + 1)
    for char_a in a:
        current = [0]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1] if a else len(b)
