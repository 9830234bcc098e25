import numpy as np

from mlinterview.exercises import Case


def _greedy(lengths, max_tokens, max_batch):
    """The rule of the statement written another way: an independent computation."""
    ranked = sorted(enumerate(lengths), key=lambda pair: (pair[1], pair[0]))
    batches = []
    for index, length in ranked:
        last = batches[-1] if batches else None
        if last is not None and len(last) < max_batch and (len(last) + 1) * length <= max_tokens:
            last.append(index)  # sorted ascending, so the newcomer is the longest of the batch
        else:
            batches.append([index])
    return batches


def _case(name, lengths, max_tokens, max_batch, **options):
    return Case.of(
        name, lengths, max_tokens, max_batch, expected=_greedy(lengths, max_tokens, max_batch), **options
    )


def _corpus(seed):
    rng = np.random.default_rng(seed)
    return [int(n) for n in np.clip(np.round(rng.lognormal(4.0, 0.9, size=200)), 1, 512)]


def cases():
    return [
        Case.of("the example", [5, 2, 9, 2, 4], 12, 3, public=True, expected=[[1, 3, 4], [0], [2]]),
        _case("padding to the longer one breaks the budget", [4, 1, 4, 1], 7, 8, points=2),
        _case("the new sequence raises the padded length", [2, 2, 2, 5], 10, 8, points=2),
        _case("a cost exactly at the budget", [3, 3, 3, 3, 4], 12, 10),
        _case("the batch-size cap binds first", [1, 1, 1, 1, 1], 100, 2),
        _case("equal lengths keep index order", [3, 1, 3, 1, 3], 6, 10),
        _case("a sequence as long as the budget", [12, 1], 12, 4),
        _case("a single sequence", [7], 7, 1),
        _case("no sequences", [], 16, 4),
        _case("two hundred sequences, budget 2048, at most 32", _corpus(18), 2048, 32, points=2),
        Case.of("a sequence longer than the budget is refused", [3, 20], 16, 4, raises="ValueError"),
        Case.of("a budget of zero is refused", [], 0, 4, raises="ValueError"),
        Case.of("a batch cap of zero is refused", [1], 8, 0, raises="ValueError"),
    ]
