import math

import torch


def attention(q, k, v, mask=None):
    # Normalises each key's column over the queries instead of each query's row over the keys.
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.nan_to_num(torch.softmax(scores, dim=-2), nan=0.0)
    return weights @ v, weights
