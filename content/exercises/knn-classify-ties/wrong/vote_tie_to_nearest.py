import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    X_train, X_query = np.asarray(X_train, dtype=float), np.asarray(X_query, dtype=float)
    y_train = np.asarray(y_train, dtype=int)
    if not 1 <= k <= len(X_train) or len(y_train) != len(X_train) or X_query.shape[1] != X_train.shape[1]:
        raise ValueError("bad input")
    out = []
    for q in X_query:
        nearest = np.argsort(np.linalg.norm(X_train - q, axis=1), kind="stable")[:k]
        counts = {}
        for j in nearest:  # dicts keep insertion order: the nearest neighbour's label comes first
            counts[int(y_train[j])] = counts.get(int(y_train[j]), 0) + 1
        out.append(max(counts, key=counts.get))
    return np.array(out, dtype=int)
