def accumulated_step(w, b, micro_batches, lr):
    """Return (w_new, b_new, loss): one SGD step of logistic regression on all the micro-batches'
    rows together, with gradients accumulated micro-batch by micro-batch."""
    raise NotImplementedError
