def token_budget_batches(lengths, max_tokens, max_batch):
    if max_tokens < 1 or max_batch < 1:
        raise ValueError("max_tokens and max_batch must be at least 1")
    if any(length > max_tokens for length in lengths):
        raise ValueError("a sequence is longer than the token budget")
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])  # stable: ties keep index order
    batches, current, total = [], [], 0
    for i in order:
        # Counts the real tokens, not the padded slots.
        if current and (len(current) + 1 > max_batch or total + lengths[i] > max_tokens):
            batches.append(current)
            current, total = [], 0
        current.append(i)
        total += lengths[i]
    if current:
        batches.append(current)
    return batches
