import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    size = x.shape[-1]
    if tuple(gamma.shape) != (size,) or tuple(beta.shape) != (size,):
        raise ValueError("gamma and beta must match the last dimension")
    mean = x.mean(dim=-1, keepdim=True)
    # The sample variance (dividing by D - 1, torch.var's default), not the biased one.
    var = ((x - mean) ** 2).sum(dim=-1, keepdim=True) / max(size - 1, 1)
    return gamma * (x - mean) / torch.sqrt(var + eps) + beta
