from mlinterview.exercises import Case


def cases():
    words = [f"w{i % 37}" for i in range(500)]  # repeats on purpose
    return [
        Case.of("ten numbers, keep three", list(range(10)), 3, 0, public=True, expected=[5, 1, 6]),
        Case.of("stream shorter than k", ["a", "b"], 5, 1, public=True, expected=["a", "b"]),
        Case.of("mixed items, fewer than k", [1.5, "x", 3, "x"], 10, 4, expected=[1.5, "x", 3, "x"]),
        Case.of("stream exactly k long", [4, 3, 2], 3, 9, expected=[4, 3, 2]),
        Case.of("k of zero", [1, 2, 3, 4], 0, 2),
        Case.of("empty stream", [], 4, 3, expected=[]),
        Case.of("keep one of twenty", list(range(100, 120)), 1, 11),
        Case.of("repeated words", words, 8, 5),
        Case.of("another seed, same stream", list(range(50)), 6, 123),
        Case.of("a stream of 200 thousand", list(range(200_000)), 20, 2026, points=2),
        Case.of("negative k is refused", [1, 2, 3], -1, 0, raises="ValueError"),
    ]
