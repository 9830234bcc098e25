import torch
from torch.nn.utils.rnn import pad_sequence


def collate(batch, pad_value=0):
    if not batch:
        raise ValueError("the batch is empty")
    tokens = pad_sequence([t for t, _ in batch], batch_first=True, padding_value=pad_value)
    return {
        "tokens": tokens,
        "lengths": torch.tensor([len(t) for t, _ in batch]),
        # A real token equal to pad_value is taken for padding.
        "mask": tokens != pad_value,
        "labels": torch.tensor([label for _, label in batch]),
    }
