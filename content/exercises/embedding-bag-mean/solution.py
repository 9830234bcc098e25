import torch


def bag_mean(weight, tokens, lengths, padding_idx=None):
    batch, width = tokens.shape
    if bool((lengths < 0).any()) or bool((lengths > width).any()):
        raise ValueError("every length must be between 0 and the padded width")
    counted = torch.arange(width)[None, :] < lengths[:, None]
    inside = tokens[counted]
    if bool(((inside < 0) | (inside >= weight.shape[0])).any()):
        raise IndexError("a token id is outside the embedding table")
    if padding_idx is not None:
        counted &= tokens != padding_idx
    # Filler positions may hold any id: look up a safe id there, then weigh it by zero.
    safe = torch.where(counted, tokens, torch.zeros_like(tokens))
    vectors = weight[safe] * counted[..., None].to(weight.dtype)
    number = counted.sum(dim=1, keepdim=True).clamp(min=1).to(weight.dtype)
    return vectors.sum(dim=1) / number
