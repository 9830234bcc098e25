import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train, dtype=np.int64)
    X_query = np.asarray(X_query, dtype=float)
    if X_train.ndim != 2 or X_query.ndim != 2:
        raise ValueError("X_train and X_query must be 2-D")
    n = X_train.shape[0]
    if not 1 <= k <= n:
        raise ValueError("k must be between 1 and the number of training points")
    if y_train.shape != (n,):
        raise ValueError("y_train must have one label per training point")
    if X_query.shape[1] != X_train.shape[1]:
        raise ValueError("X_query must have the training data's columns")
    predictions = np.empty(len(X_query), dtype=np.int64)
    for i, q in enumerate(X_query):
        distances = np.sqrt(((X_train - q) ** 2).sum(axis=1))
        nearest = np.argsort(distances, kind="stable")[:k]  # equal distances: lower index first
        labels, counts = np.unique(y_train[nearest], return_counts=True)
        predictions[i] = labels[np.argmax(counts)]  # unique sorts labels: argmax takes the smallest
    return predictions
