from functools import reduce


def _step(acc, interval):
    if acc and interval[0] <= acc[-1][1]:
        acc[-1] = [acc[-1][0], max(acc[-1][1], interval[1])]
    else:
        acc.append([interval[0], interval[1]])
    return acc


def merge_intervals(intervals):
    if any(a > b for a, b in intervals):
        raise ValueError("an interval ends before it starts")
    return reduce(_step, sorted(intervals, key=lambda p: (p[0], p[1])), [])
