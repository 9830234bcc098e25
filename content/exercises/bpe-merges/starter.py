def bpe(word_freqs, n_merges, words) -> tuple[list[tuple[str, str]], list[list[str]]]:
    """Learn up to n_merges BPE merges from word_freqs, then return (merges, tokens of each of words)."""
    raise NotImplementedError
