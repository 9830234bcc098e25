class Trie:
    def __init__(self) -> None:
        raise NotImplementedError

    def insert(self, word: str) -> None:
        """Store one more occurrence of word."""
        raise NotImplementedError

    def remove(self, word: str) -> bool:
        """Remove one stored occurrence of word; False (and no change) when there is none."""
        raise NotImplementedError

    def count(self, prefix: str) -> int:
        """How many stored occurrences start with prefix."""
        raise NotImplementedError


def run_trie(operations: list[list[str]]) -> list:
    """Apply ["insert", w], ["remove", w] and ["count", p] in order; return what remove and count returned."""
    trie = Trie()
    results = []
    for action, text in operations:
        if action == "insert":
            trie.insert(text)
        elif action == "remove":
            results.append(trie.remove(text))
        else:
            results.append(trie.count(text))
    return results
