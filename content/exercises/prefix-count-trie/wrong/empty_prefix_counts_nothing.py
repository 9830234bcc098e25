class Node:
    __slots__ = ("children", "passing", "ending")

    def __init__(self):
        self.children = {}
        self.passing = 0  # stored occurrences of words that go through (or end at) this node
        self.ending = 0  # stored occurrences of the word that ends exactly here


class Trie:
    def __init__(self):
        self.root = Node()

    def insert(self, word):
        node = self.root
        # Counts are kept on the nodes below the root only, so the root (the empty prefix) stays at 0.
        for letter in word:
            node = node.children.setdefault(letter, Node())
            node.passing += 1
        node.ending += 1

    def _find(self, text):
        node = self.root
        for letter in text:
            node = node.children.get(letter)
            if node is None:
                return None
        return node

    def remove(self, word):
        end = self._find(word)
        if end is None or end.ending == 0:
            return False  # checked before touching any count
        node = self.root
        for letter in word:
            child = node.children[letter]
            child.passing -= 1
            if child.passing == 0:
                del node.children[letter]  # nothing stored below any more
                return True
            node = child
        node.ending -= 1
        return True

    def count(self, prefix):
        node = self._find(prefix)
        return 0 if node is None else node.passing


def run_trie(operations):
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
