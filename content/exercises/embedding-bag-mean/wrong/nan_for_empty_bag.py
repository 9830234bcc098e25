import torch


def bag_mean(weight, tokens, lengths, padding_idx=None):
    batch, width = tokens.shape
    if bool((lengths < 0).any()) or bool((lengths > width).any()):
        raise ValueError("every length must be between 0 and the padded width")
    counted = torch.arange(width)[None, :] < lengths[:, None]
    if bool(((tokens[counted] < 0) | (tokens[counted] >= weight.shape[0])).any()):
        raise IndexError("a token id is outside the embedding table")
    if padding_idx is not None:
        counted &= tokens != padding_idx
    safe = torch.where(counted, tokens, torch.zeros_like(tokens))
    vectors = weight[safe] * counted[..., None].to(weight.dtype)
    # 0 / 0 for a bag with nothing counted.
    return vectors.sum(dim=1) / counted.sum(dim=1, keepdim=True).to(weight.dtype)
