import torch


def positional_encoding(length, d_model, base=10000.0):
    if length < 0 or d_model < 1:
        raise ValueError("length must be >= 0 and d_model >= 1")
    positions = torch.arange(length, dtype=torch.float64)[:, None]
    # Uses the pair index i, not 2i, in the exponent: the wavelengths grow half as fast.
    i = torch.arange((d_model + 1) // 2, dtype=torch.float64)
    angles = positions / base ** (i / d_model)
    table = torch.zeros(length, d_model, dtype=torch.float64)
    table[:, 0::2] = torch.sin(angles)
    table[:, 1::2] = torch.cos(angles[:, : d_model // 2])
    return table.float()
