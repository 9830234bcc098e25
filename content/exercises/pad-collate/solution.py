import torch


def collate(batch, pad_value=0):
    if not batch:
        raise ValueError("the batch is empty")
    lengths = torch.tensor([len(tokens) for tokens, _ in batch], dtype=torch.int64)
    width = int(lengths.max())
    padded = torch.full((len(batch), width), pad_value, dtype=torch.int64)
    for row, (tokens, _) in enumerate(batch):
        padded[row, : len(tokens)] = tokens
    mask = torch.arange(width)[None, :] < lengths[:, None]
    labels = torch.tensor([label for _, label in batch], dtype=torch.int64)
    return {"tokens": padded, "lengths": lengths, "mask": mask, "labels": labels}
