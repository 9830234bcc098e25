import torch
from torch.nn.utils.rnn import pad_sequence


def collate(batch, pad_value=0):
    if not batch:
        raise ValueError("the batch is empty")
    lengths = torch.tensor([len(t) for t, _ in batch])
    # pad_sequence pads with 0 unless told otherwise.
    tokens = pad_sequence([t for t, _ in batch], batch_first=True)
    mask = torch.arange(tokens.shape[1])[None, :] < lengths[:, None]
    return {"tokens": tokens, "lengths": lengths, "mask": mask, "labels": torch.tensor([y for _, y in batch])}
