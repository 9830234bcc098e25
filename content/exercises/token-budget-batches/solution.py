def token_budget_batches(lengths, max_tokens, max_batch):
    if max_tokens < 1 or max_batch < 1:
        raise ValueError("max_tokens and max_batch must be at least 1")
    if any(length > max_tokens for length in lengths):
        raise ValueError("a sequence is longer than the token budget")
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])  # stable: ties keep index order
    batches, current, longest = [], [], 0
    for i in order:
        # The cost with the new sequence in: it may be the new longest.
        new_longest = max(longest, lengths[i])
        if current and (len(current) + 1 > max_batch or (len(current) + 1) * new_longest > max_tokens):
            batches.append(current)
            current, new_longest = [], lengths[i]
        current.append(i)
        longest = new_longest
    if current:
        batches.append(current)
    return batches
