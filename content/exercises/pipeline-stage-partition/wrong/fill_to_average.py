def min_stage_load(layer_costs, n_stages):
    if n_stages < 1:
        raise ValueError("n_stages must be at least 1")
    if not layer_costs:
        return 0
    # One greedy pass: close a stage once it reaches the average load. Fast, but not optimal.
    target = sum(layer_costs) / n_stages
    loads, load = [], 0
    for cost in layer_costs:
        load += cost
        if load >= target and len(loads) < n_stages - 1:
            loads.append(load)
            load = 0
    loads.append(load)
    return max(loads)
