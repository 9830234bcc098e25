import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    X_train, X_query = np.asarray(X_train, dtype=float), np.asarray(X_query, dtype=float)
    y_train = np.asarray(y_train, dtype=int)
    if not 1 <= k <= len(X_train) or len(y_train) != len(X_train) or X_query.shape[1] != X_train.shape[1]:
        raise ValueError("bad input")
    out = np.zeros(len(X_query), dtype=int)
    for i, q in enumerate(X_query):
        distances = np.linalg.norm(X_train - q, axis=1)
        kth = np.sort(distances)[k - 1]
        nearest = distances <= kth  # every point as close as the k-th one votes
        labels, counts = np.unique(y_train[nearest], return_counts=True)
        out[i] = labels[np.argmax(counts)]
    return out
