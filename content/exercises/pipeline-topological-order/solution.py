import heapq


def pipeline_order(steps, dependencies):
    known = set(steps)
    downstream = {step: set() for step in steps}
    for upstream, after in dependencies:
        if upstream not in known or after not in known:
            raise ValueError(f"unknown step in ({upstream!r}, {after!r})")
        downstream[upstream].add(after)
    waiting = dict.fromkeys(steps, 0)  # number of distinct upstream steps not yet run
    for followers in downstream.values():
        for after in followers:
            waiting[after] += 1
    ready = [step for step in steps if waiting[step] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        step = heapq.heappop(ready)
        order.append(step)
        for after in downstream[step]:
            waiting[after] -= 1
            if waiting[after] == 0:
                heapq.heappush(ready, after)
    if len(order) != len(steps):
        raise ValueError("the dependencies contain a cycle")
    return order
