import torch


def positional_encoding(length, d_model, base=10000.0):
    if length < 0 or d_model < 1:
        raise ValueError("length must be >= 0 and d_model >= 1")
    positions = torch.arange(length, dtype=torch.float64)[:, None]
    pair = torch.arange(0, d_model, 2, dtype=torch.float64)  # 2 * i for every pair
    angles = positions / base ** (pair / d_model)
    table = torch.zeros(length, d_model, dtype=torch.float64)
    table[:, 0::2] = torch.sin(angles)
    table[:, 1::2] = torch.cos(angles[:, : d_model // 2])
    return table.float()
