def standardize(X_train, X_test):
    n_rows = len(X_train)
    n_cols = len(X_train[0]) if n_rows else 0
    stats = []
    for j in range(n_cols):
        total = 0.0
        for i in range(n_rows):
            total += X_train[i][j]
        avg = total / n_rows
        sq = 0.0
        for i in range(n_rows):
            sq += (X_train[i][j] - avg) ** 2
        sd = (sq / n_rows) ** 0.5
        stats.append((avg, sd if sd != 0 else 1.0))
    out_train = [[(row[j] - stats[j][0]) / stats[j][1] for j in range(n_cols)] for row in X_train]
    out_test = [[(row[j] - stats[j][0]) / stats[j][1] for j in range(n_cols)] for row in X_test]
    return out_train, out_test
