import numpy as np


def softmax_cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels)
    if logits.ndim != 2 or logits.shape[0] == 0:
        raise ValueError("logits must be a 2-D array with at least one row")
    n, k = logits.shape
    labels = labels.astype(np.int64)
    if np.any(labels < 0) or np.any(labels >= k):
        raise ValueError("labels must lie in 0 .. k - 1")
    row_max = logits.max(axis=1, keepdims=True)
    log_norm = row_max[:, 0] + np.log(np.exp(logits - row_max).sum(axis=1))
    losses = log_norm - logits[np.arange(n), labels]
    return float(losses.mean())
