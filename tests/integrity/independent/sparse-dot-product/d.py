def _collapse(indices, values):
    table = {}
    for position, amount in zip(indices, values, strict=False):
        table[position] = table.get(position, 0) + amount
    return table


def sparse_dot(a_indices, a_values, b_indices, b_values):
    first = _collapse(a_indices, a_values)
    second = _collapse(b_indices, b_values)
    shared = first.keys() & second.keys()
    return sum(first[p] * second[p] for p in shared)
