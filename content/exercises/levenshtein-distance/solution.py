def edit_distance(a, b):
    # previous[j] is the distance between the first i - 1 characters of a and the first j of b.
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + 1,  # delete char_a
                    current[j - 1] + 1,  # insert char_b
                    previous[j - 1] + (char_a != char_b),  # substitute, or keep a match
                )
            )
        previous = current
    return previous[-1]
