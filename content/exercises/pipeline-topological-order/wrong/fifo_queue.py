from collections import deque


def pipeline_order(steps, dependencies):
    known = set(steps)
    downstream = {step: set() for step in steps}
    for upstream, after in dependencies:
        if upstream not in known or after not in known:
            raise ValueError("unknown step")
        downstream[upstream].add(after)
    waiting = dict.fromkeys(steps, 0)
    for followers in downstream.values():
        for after in followers:
            waiting[after] += 1
    # A first-in first-out queue, sorted only at the start and per batch of newly ready steps.
    ready = deque(sorted(step for step in steps if waiting[step] == 0))
    order = []
    while ready:
        step = ready.popleft()
        order.append(step)
        unlocked = []
        for after in downstream[step]:
            waiting[after] -= 1
            if waiting[after] == 0:
                unlocked.append(after)
        ready.extend(sorted(unlocked))
    if len(order) != len(steps):
        raise ValueError("cycle")
    return order
