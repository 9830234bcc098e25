def running_mean_var(values):
    mean, m2 = 0.0, 0.0
    out = []
    for count, x in enumerate(values, start=1):
        delta = x - mean
        mean += delta / count
        m2 += delta * (x - mean)
        # Divides by n: the population variance, and 0.0 after the first value.
        out.append((mean, m2 / count))
    return out
