import torch


def bag_mean(weight, tokens, lengths, padding_idx=None):
    batch, width = tokens.shape
    if bool((lengths < 0).any()) or bool((lengths > width).any()):
        raise ValueError("every length must be between 0 and the padded width")
    if bool(((tokens < 0) | (tokens >= weight.shape[0])).any()):
        raise IndexError("a token id is outside the embedding table")
    # Trusts padding_idx to mark the filler and never looks at the lengths.
    counted = torch.ones_like(tokens, dtype=torch.bool)
    if padding_idx is not None:
        counted &= tokens != padding_idx
    vectors = weight[tokens] * counted[..., None].to(weight.dtype)
    number = counted.sum(dim=1, keepdim=True).clamp(min=1).to(weight.dtype)
    return vectors.sum(dim=1) / number
