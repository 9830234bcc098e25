import numpy as np


def softmax_cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    if logits.ndim != 2 or len(logits) == 0:
        raise ValueError("empty")
    if labels.min() < 0 or labels.max() >= logits.shape[1]:
        raise ValueError("label out of range")
    shift = logits.max(axis=0, keepdims=True)
    log_probs = logits - shift - np.log(np.exp(logits - shift).sum(axis=0, keepdims=True))
    return float(-log_probs[np.arange(len(labels)), labels].mean())
