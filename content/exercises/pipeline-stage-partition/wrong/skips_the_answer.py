def min_stage_load(layer_costs, n_stages):
    if n_stages < 1:
        raise ValueError("n_stages must be at least 1")
    if not layer_costs:
        return 0

    def stages_needed(budget):
        stages, load = 1, 0
        for cost in layer_costs:
            if load + cost > budget:
                stages += 1
                load = cost
            else:
                load += cost
        return stages

    lo, hi = max(layer_costs), sum(layer_costs)
    while lo < hi:
        mid = (lo + hi) // 2
        if stages_needed(mid) <= n_stages:
            hi = mid - 1  # moves past mid even though mid itself may be the answer
        else:
            lo = mid + 1
    return lo
