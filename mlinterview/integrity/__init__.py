"""Answer integrity: find answers to one item that resemble each other or our reference (no Django).

    from mlinterview.integrity import CodeIndex, TextIndex
    matches = TextIndex().add("answer-7", text)                        # earlier similar written answers
    result = CodeIndex(starter=s, reference=r).add("answer-7", source)  # similar code, and a leak check

One index per item, fed the answers in the order they were submitted: each ``add`` returns the
earlier answers above the threshold with the shared passages as character spans in both answers,
found through MinHash/LSH (text) or an inverted index of winnowed fingerprints (code), never by
comparing every pair. A match is a reason for a reviewer to look, never a verdict.

May import: datasketch, numpy and the standard library; no Django, no other mlinterview package.
"""

from mlinterview.integrity.code import CodeIndex, CodeMatch, CodeResult, PreparedCode
from mlinterview.integrity.passages import Passage
from mlinterview.integrity.text import TextIndex, TextMatch, band_keys, compare_texts

__all__ = [
    "CodeIndex",
    "CodeMatch",
    "CodeResult",
    "Passage",
    "PreparedCode",
    "TextIndex",
    "TextMatch",
    "band_keys",
    "compare_texts",
]
