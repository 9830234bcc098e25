import numpy as np


def tfidf(docs):
    if any(isinstance(doc, str) for doc in docs):
        raise ValueError("documents must be token lists")
    vocabulary = sorted({t for doc in docs for t in doc})
    index = {t: j for j, t in enumerate(vocabulary)}
    counts = np.zeros((len(docs), len(vocabulary)))
    for i, doc in enumerate(docs):
        for t in doc:
            counts[i, index[t]] += 1
    df = counts.sum(axis=0)  # every occurrence, not the number of documents containing the token
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    weighted = counts * idf
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vocabulary, weighted / norms
