import torch
from torch.nn.utils.rnn import pad_sequence


def collate(batch, pad_value=0):
    if not batch:
        raise ValueError("the batch is empty")
    # Sorted longest first, as pack_padded_sequence once required: the examples change places.
    batch = sorted(batch, key=lambda pair: len(pair[0]), reverse=True)
    lengths = torch.tensor([len(t) for t, _ in batch])
    tokens = pad_sequence([t for t, _ in batch], batch_first=True, padding_value=pad_value)
    mask = torch.arange(tokens.shape[1])[None, :] < lengths[:, None]
    return {"tokens": tokens, "lengths": lengths, "mask": mask, "labels": torch.tensor([y for _, y in batch])}
