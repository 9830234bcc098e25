import heapq
from collections import defaultdict


def cheapest_costs(edges, source):
    if any(cost < 0 for _u, _v, cost in edges):
        raise ValueError("costs must not be negative")
    graph = defaultdict(list)  # every parallel step is kept; relaxing them all keeps the cheapest
    nodes = {source}
    for u, v, cost in edges:
        graph[u].append((v, float(cost)))
        nodes.update((u, v))
    best = {source: 0.0}
    done = set()
    heap = [(0.0, source)]
    while heap:
        distance, node = heapq.heappop(heap)
        if node in done:
            continue  # a stale entry: the node was settled more cheaply already
        done.add(node)  # settled only when popped, when no cheaper way to it can remain
        for target, cost in graph[node]:
            candidate = distance + cost
            if target not in best or candidate < best[target]:
                best[target] = candidate
                heapq.heappush(heap, (candidate, target))
    return {node: best.get(node) for node in nodes}
