import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    size = x.shape[-1]
    if tuple(gamma.shape) != (size,) or tuple(beta.shape) != (size,):
        raise ValueError(f"gamma and beta must have shape ({size},)")
    mean = x.mean(dim=-1, keepdim=True)
    centred = x - mean
    var = (centred * centred).mean(dim=-1, keepdim=True)
    return gamma * centred / torch.sqrt(var + eps) + beta
