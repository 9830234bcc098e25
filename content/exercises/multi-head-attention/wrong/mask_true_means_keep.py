import math

import torch


def multi_head_attention(query, key, value, params, num_heads, key_padding_mask=None):
    batch, length_q, embed = query.shape
    length_k = key.shape[1]
    if embed % num_heads:
        raise ValueError("num_heads must divide the embedding size")
    if key_padding_mask is not None and not bool(key_padding_mask.any(dim=1).all()):
        raise ValueError("a batch element has every key masked")
    head = embed // num_heads
    w_q, w_k, w_v = params["in_proj_weight"].chunk(3)
    b_q, b_k, b_v = params["in_proj_bias"].chunk(3)

    def split(x, weight, bias, length):
        # (B, L, E) -> (B, H, L, d): head h takes features h*d .. (h+1)*d - 1 of each position.
        return (x @ weight.T + bias).view(batch, length, num_heads, head).transpose(1, 2)

    q = split(query, w_q, b_q, length_q)
    k = split(key, w_k, b_k, length_k)
    v = split(value, w_v, b_v, length_k)
    scores = q @ k.transpose(-2, -1) / math.sqrt(head)
    if key_padding_mask is not None:
        # Reads True as "may attend" (the scaled_dot_product_attention convention).
        scores = scores.masked_fill(~key_padding_mask[:, None, None, :], float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    merged = (weights @ v).transpose(1, 2).reshape(batch, length_q, embed)
    output = merged @ params["out_proj.weight"].T + params["out_proj.bias"]
    return output, weights
