import numpy as np


def tfidf(docs) -> tuple[list[str], np.ndarray]:
    """Return (sorted vocabulary, (n, V) TF-IDF matrix): raw counts, smoothed idf, L2-normalised rows."""
    raise NotImplementedError
