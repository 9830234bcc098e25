def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            # A substitution priced as a delete plus an insert: this is the indel distance.
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (0 if char_a == char_b else 2))
            )
        previous = current
    return previous[-1]
