import math

import torch


def attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        mask = mask.to(torch.bool).expand_as(scores)
        scores = scores.masked_fill(~mask, float("-inf"))
    # A row with every key masked is all -inf: give it -0 scores for the softmax, then zero weights.
    blocked = torch.isneginf(scores).all(dim=-1, keepdim=True)
    weights = torch.softmax(scores.masked_fill(blocked, 0.0), dim=-1)
    weights = weights.masked_fill(blocked, 0.0)
    return weights @ v, weights
