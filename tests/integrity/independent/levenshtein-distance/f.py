def edit_distance(source, target):
    if not source:
        return len(target)
    if not target:
        return len(source)
    costs = {(i, 0): i for i in range(len(source) + 1)}
    costs.update({(0, j): j for j in range(len(target) + 1)})
    for i in range(1, len(source) + 1):
        for j in range(1, len(target) + 1):
            same = source[i - 1] == target[j - 1]
            costs[i, j] = min(
                costs[i - 1, j] + 1,
                costs[i, j - 1] + 1,
                costs[i - 1, j - 1] + (not same),
            )
    return costs[len(source), len(target)]
