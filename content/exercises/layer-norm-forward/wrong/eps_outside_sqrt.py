def layer_norm(x, gamma, beta, eps=1e-5):
    size = x.shape[-1]
    if tuple(gamma.shape) != (size,) or tuple(beta.shape) != (size,):
        raise ValueError("gamma and beta must match the last dimension")
    mean = x.mean(dim=-1, keepdim=True)
    std = x.std(dim=-1, keepdim=True, unbiased=False)
    return gamma * (x - mean) / (std + eps) + beta
