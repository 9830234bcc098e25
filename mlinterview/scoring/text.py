"""Plain-text helpers for scoring: sentences, content words, negation, filler and keyword bags."""

from __future__ import annotations

import re
from functools import lru_cache

from mlinterview.bank.search import stem

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"'(])|\n\s*[-*•]\s+|\n{2,}|(?<=[.!?])\n")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*|\d+(?:\.\d+)?")

FUNCTION_WORDS = frozenset(
    """a an the and or but if then so because as of in on at to for from by with without into onto over
    under between is are was were be been being do does did has have had it its this that these those
    there their they them we you i he she which who whom whose what when where why how not no never can
    could should would may might must will shall than more most less least very also just only each
    every any all some such one two both either neither per via while whereas although though""".split()  # noqa: SIM905
)

NEGATIONS = frozenset(
    """not no never none cannot can't don't doesn't isn't aren't won't without neither nor""".split()  # noqa: SIM905
)

# Pairs of ordinary words whose exchange reverses a statement (used by the similarity scorer of
# the public benchmarks). Only general English opposites: no pair of ML terms, since the fix
# for an exchanged pair of concepts must be general (the reader, issue 13), not a list of them.
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("positive", "negative"),
    ("increase", "decrease"),
    ("increases", "decreases"),
    ("higher", "lower"),
    ("more", "less"),
    ("larger", "smaller"),
    ("sparse", "dense"),
    ("true", "false"),
    ("reject", "accept"),
    ("closest", "farthest"),
    ("nearest", "farthest"),
    ("close", "far"),
    ("narrow", "wide"),
    ("narrower", "wider"),
    ("small", "large"),
    ("before", "after"),
    ("above", "below"),
    ("lower", "raise"),
    ("one", "two"),
    ("first", "second"),
    ("parallel", "sequential"),
    ("row", "column"),
    ("rows", "columns"),
)

FILLER = frozenset(
    """um uh er hmm like basically actually honestly literally well okay ok yeah yes so really i dont
    don't know idk dunno no idea not sure maybe guess think mean kind sort something thing things stuff
    whatever etc lol good great question""".split()  # noqa: SIM905
)


def sentences(text: str) -> list[str]:
    """Split an answer into sentences and list items, keeping only pieces with words in them."""
    text = re.sub(r"[ \t]+", " ", text.replace("\r", "")).strip()
    parts = _SENTENCE_END.split(text)
    out = []
    for part in parts:
        part = part.strip(" -*•\n\t")
        if re.search(r"[A-Za-z]{2,}", part):
            out.append(part)
    return out


def distinct_sentences(text: str) -> list[str]:
    """:func:`sentences`, a sentence repeated word for word kept once (at its first place)."""
    return list(dict.fromkeys(sentences(text)))


_CLAUSE_BREAK = re.compile(
    r"[,;:()]|\s(?:-|–|—)\s|\b(?:and|but|while|whilst|whereas|although|though|because|so|whereby)\b", re.I
)


def clauses(text: str) -> list[str]:
    """Cut a sentence at commas and connectives; short scraps join the clause before them."""
    out: list[str] = []
    for piece in _CLAUSE_BREAK.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if out and len(content_stems(piece)) < 2:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out or [text]


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return stem(word)


def content_stems(text: str) -> list[str]:
    return [_stem(w) for w in words(text) if w not in FUNCTION_WORDS and len(w) > 1]


def is_negated(text: str) -> bool:
    """True when the sentence contains an odd number of negations (a crude polarity)."""
    count = sum(1 for w in words(text) if w in NEGATIONS or w.endswith("n't"))
    return count % 2 == 1


def _forms(text: str) -> set[str]:
    """Each word and its stem, so "increased" meets the pair (increase, decrease)."""
    tokens = words(text)
    return set(tokens) | {_base(w) for w in tokens}


def _base(word: str) -> str:
    """The stem without a doubled final consonant ("overfitt" -> "overfit")."""
    root = _stem(word)
    if len(root) > 3 and root[-1] == root[-2] and root[-1] not in "aeioulsz":
        root = root[:-1]
    return root


def _pair_forms() -> tuple[tuple[str, str], ...]:
    return tuple((_base(x), _base(y)) for x, y in ANTONYMS if _base(x) != _base(y))


def antonym_conflict(a: str, b: str) -> bool:
    """True when the two sentences use opposite words of an antonym pair in the same role.

    Example: "a larger batch needs a higher learning rate" against "a larger batch needs a lower
    learning rate": the pair (higher, lower) appears on different sides, while the rest matches.
    """
    left, right = _forms(a), _forms(b)
    for x, y in ANTONYMS + _pair_forms():
        if (x in left and y not in left and y in right and x not in right) or (
            y in left and x not in left and x in right and y not in right
        ):
            return True
    return False


def ordered_pairs(text: str, terms: tuple[str, str]) -> int | None:
    """-1, 0, 1: which of two terms comes first in the text (None if one is missing)."""
    lower = text.lower()
    i, j = lower.find(terms[0]), lower.find(terms[1])
    if i < 0 or j < 0:
        return None
    return 1 if i < j else -1


def function_word_ratio(text: str) -> float:
    tokens = words(text)
    return sum(1 for t in tokens if t in FUNCTION_WORDS) / len(tokens) if tokens else 0.0


def filler_ratio(text: str) -> float:
    tokens = words(text)
    return sum(1 for t in tokens if t in FILLER) / len(tokens) if tokens else 1.0


def is_filler(text: str) -> bool:
    """Hedges and noise with at most a word or two of substance ("um, I don't know, stuff")."""
    meaningful = [w for w in words(text) if w not in FUNCTION_WORDS and w not in FILLER and len(w) > 1]
    return len(meaningful) <= 1 or (filler_ratio(text) > 0.5 and len(meaningful) <= 3)


def looks_like_keyword_bag(text: str) -> bool:
    """A list of terms without the glue words of an explanation (verbs, articles, connectives)."""
    tokens = words(text)
    if len(tokens) < 4:
        return False
    separators = text.count(",") + text.count(";") + text.count("\n")
    return function_word_ratio(text) < 0.12 or (
        separators >= len(tokens) * 0.3 and function_word_ratio(text) < 0.2
    )


def overlap(a: str, b: str) -> float:
    """Share of a's content words that also occur in b."""
    left = content_stems(a)
    if not left:
        return 0.0
    right = set(content_stems(b))
    return sum(1 for w in left if w in right) / len(left)
