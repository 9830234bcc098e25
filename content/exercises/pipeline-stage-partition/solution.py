def _stages_needed(costs, budget):
    stages, load = 1, 0
    for cost in costs:
        if load + cost > budget:
            stages += 1
            load = cost
        else:
            load += cost
    return stages


def min_stage_load(layer_costs, n_stages):
    if n_stages < 1:
        raise ValueError("n_stages must be at least 1")
    if not layer_costs:
        return 0
    lo, hi = max(layer_costs), sum(layer_costs)  # the answer lies in [lo, hi]
    while lo < hi:
        mid = (lo + hi) // 2
        if _stages_needed(layer_costs, mid) <= n_stages:
            hi = mid
        else:
            lo = mid + 1
    return lo
