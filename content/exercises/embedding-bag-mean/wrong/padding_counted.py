import torch


def bag_mean(weight, tokens, lengths, padding_idx=None):
    batch, width = tokens.shape
    if bool((lengths < 0).any()) or bool((lengths > width).any()):
        raise ValueError("every length must be between 0 and the padded width")
    inside = torch.arange(width)[None, :] < lengths[:, None]
    if bool(((tokens[inside] < 0) | (tokens[inside] >= weight.shape[0])).any()):
        raise IndexError("a token id is outside the embedding table")
    summed = inside.clone()
    if padding_idx is not None:
        summed &= tokens != padding_idx
    safe = torch.where(inside, tokens, torch.zeros_like(tokens))
    vectors = weight[safe] * summed[..., None].to(weight.dtype)
    # Leaves padding tokens out of the sum but divides by the whole length.
    number = lengths[:, None].clamp(min=1).to(weight.dtype)
    return vectors.sum(dim=1) / number
