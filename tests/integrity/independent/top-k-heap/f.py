import numpy as np


def top_k(scored, k):
    if not scored or k == 0:
        return []
    ids = [str(s[0]) for s in scored]
    values = np.array([float(s[1]) for s in scored])
    order = np.lexsort((np.array(ids), -values))
    return [ids[i] for i in order[:k]]
