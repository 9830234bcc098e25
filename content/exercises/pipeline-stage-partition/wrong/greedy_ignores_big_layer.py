def min_stage_load(layer_costs, n_stages):
    if n_stages < 1:
        raise ValueError("n_stages must be at least 1")

    def stages_needed(budget):
        stages, load = 1, 0
        for cost in layer_costs:
            if load + cost > budget:
                stages += 1
                load = cost  # a layer heavier than the budget is accepted without complaint
            else:
                load += cost
        return stages

    # Searches from 0 instead of the largest single cost.
    lo, hi = 0, sum(layer_costs)
    while lo < hi:
        mid = (lo + hi) // 2
        if stages_needed(mid) <= n_stages:
            hi = mid
        else:
            lo = mid + 1
    return lo
