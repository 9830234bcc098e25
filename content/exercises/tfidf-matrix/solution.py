import numpy as np


def tfidf(docs):
    docs = list(docs)
    if any(isinstance(doc, str) for doc in docs):
        raise ValueError("each document must be a list of tokens, not a string")
    vocabulary = sorted({token for doc in docs for token in doc})
    column = {token: j for j, token in enumerate(vocabulary)}
    n = len(docs)
    counts = np.zeros((n, len(vocabulary)))
    for i, doc in enumerate(docs):
        for token in doc:
            counts[i, column[token]] += 1
    df = (counts > 0).sum(axis=0)
    idf = np.log((1 + n) / (1 + df)) + 1
    weighted = counts * idf
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    matrix = np.divide(weighted, norms, out=np.zeros_like(weighted), where=norms > 0)
    return vocabulary, matrix
