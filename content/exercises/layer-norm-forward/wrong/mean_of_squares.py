import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    size = x.shape[-1]
    if tuple(gamma.shape) != (size,) or tuple(beta.shape) != (size,):
        raise ValueError("gamma and beta must match the last dimension")
    mean = x.mean(dim=-1, keepdim=True)
    # One pass, E[x^2] - E[x]^2: cancels catastrophically when the mean is large.
    var = (x * x).mean(dim=-1, keepdim=True) - mean * mean
    return gamma * (x - mean) / torch.sqrt(var.clamp_min(0.0) + eps) + beta
