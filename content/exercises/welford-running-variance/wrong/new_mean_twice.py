def running_mean_var(values):
    mean, m2 = 0.0, 0.0
    out = []
    for count, x in enumerate(values, start=1):
        mean += (x - mean) / count
        # Uses the updated mean for both deviations, which undercounts M2.
        m2 += (x - mean) ** 2
        out.append((mean, m2 / (count - 1) if count > 1 else float("nan")))
    return out
