def beam_search(log_probs, start, end, beam_width, max_len, length_norm) -> list[tuple[list[int], float]]:
    """Return every finished hypothesis as (tokens, score), best first, ties by the smaller token list."""
    raise NotImplementedError
