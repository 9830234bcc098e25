def running_mean_var(values):
    total, squares = 0.0, 0.0
    out = []
    for count, x in enumerate(values, start=1):
        total += x
        squares += x * x
        mean = total / count
        # The textbook shortcut: cancels catastrophically when the values are far from zero.
        variance = (squares - count * mean * mean) / (count - 1) if count > 1 else float("nan")
        out.append((mean, variance))
    return out
