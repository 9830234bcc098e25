import math

import torch


def attention(q, k, v, mask=None):
    # Masked scores set to a large negative number: fine until a query has no visible key, which
    # then averages every value uniformly instead of getting zero weights.
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, -1e9)
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights
