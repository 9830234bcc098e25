def running_mean_var(values):
    mean, m2 = 0.0, 0.0
    out = []
    for count, x in enumerate(values, start=1):
        delta = x - mean
        mean += delta / count
        m2 += delta * (x - mean)  # the old and the new deviation: exact algebra, stable numerics
        out.append((mean, m2 / (count - 1) if count > 1 else float("nan")))
    return out
