import math


def standardize(X_train, X_test):
    columns = list(zip(*X_train, strict=False))
    centres, scales = [], []
    for col in columns:
        m = sum(col) / len(col)
        var = sum((x - m) ** 2 for x in col) / len(col)
        centres.append(m)
        scales.append(math.sqrt(var) or 1.0)

    def scale(rows):
        return [[(x - c) / s for x, c, s in zip(row, centres, scales, strict=False)] for row in rows]

    return scale(X_train), scale(X_test)
