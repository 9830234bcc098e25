import heapq
from collections import defaultdict


def cheapest_costs(edges, source):
    if any(cost < 0 for _u, _v, cost in edges):
        raise ValueError("costs must not be negative")
    # A dict of dicts: a second step between the same two artefacts overwrites the first.
    graph = defaultdict(dict)
    nodes = {source}
    for u, v, cost in edges:
        graph[u][v] = float(cost)
        nodes.update((u, v))
    best = {source: 0.0}
    done = set()
    heap = [(0.0, source)]
    while heap:
        distance, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        for target, cost in graph[node].items():
            candidate = distance + cost
            if target not in best or candidate < best[target]:
                best[target] = candidate
                heapq.heappush(heap, (candidate, target))
    return {node: best.get(node) for node in nodes}
