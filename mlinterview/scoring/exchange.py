"""Answers with two of their question's terms exchanged: training pairs that teach the reader a swap.

A candidate who swaps two concepts writes a fluent answer with all the right words, each attached
to the other concept ("boosting trains its models independently, bagging one after another"). The
graded answers hold a few hundred such answers, too few for the reader to learn that the words'
places matter. This module makes more from the training questions' own graded answers, with no
list of terms: for an answer that covers some key points, it picks two terms of the question's key
points that

- the question's prompt sets side by side ("A and B", "A or B", "A vs B"): the concepts the
  question asks to tell apart;
- each occur in the answer, and in a key point where the other does not (they are distinct
  facets of the rubric, not one phrase, nor two forms of one word),

and exchanges every occurrence of one with the other. A key point the answer covered that names
either term is then stated the wrong way round: *contradicted*. A key point naming neither keeps
its graded label. Key points that name both terms as a pair ("A and B"), or that the answer did
not cover, are left out, since the exchange may not change what they say. The exchanged answer
still addresses the question (relevant).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from mlinterview.scoring import text


@dataclass(frozen=True)
class Exchanged:
    text: str
    terms: tuple[str, str]
    labels: dict[int, int]  # key point number (from 1) -> label for the exchanged answer


@lru_cache(maxsize=65536)
def _pattern(term: str) -> re.Pattern[str]:
    words = term.split()
    return re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", re.I)


def mentions(passage: str, term: str) -> bool:
    return _pattern(term).search(passage) is not None


def _spelling(passage: str, term: str) -> str:
    """How the passage writes ``term``: as an acronym wherever it does so ("IVF"), else as written
    mid-sentence, else as written at a sentence's start without that capital, else as given."""
    matches = list(_pattern(term).finditer(passage))
    found = [match.group(0) for match in matches]
    starts = {
        match.group(0)
        for match in matches
        if not passage[: match.start()].rstrip() or passage[: match.start()].rstrip()[-1] in ".!?:;\n"
    }
    for written in found:
        first = written.split()[0]
        if len(first) > 1 and first.isupper():
            return written
    for written in found:
        if written not in starts:
            return written
    return found[0][:1].lower() + found[0][1:] if found else term


def exchange(passage: str, a: str, b: str) -> str:
    """``passage`` with every ``a`` written as ``b`` and every ``b`` as ``a`` (whole words, any case).

    Each term is written as the passage itself spells it ("IVF" stays in capitals), and a capital
    first letter stays capital.
    """
    spelled = {term: _spelling(passage, other_term) for term, other_term in ((a, b), (b, a))}
    both = re.compile(f"(?:{_pattern(a).pattern})|(?:{_pattern(b).pattern})", re.I)

    def other(found: re.Match[str]) -> str:
        word = found.group(0)
        replacement = spelled[a] if _pattern(a).fullmatch(word) else spelled[b]
        if word[:1].isupper() and replacement[:1].islower():
            replacement = replacement[:1].upper() + replacement[1:]
        return replacement

    return both.sub(other, passage)


# What joins two things set side by side: "A and B", "A or B", "A vs B", "A/B", "A & B", "A, B".
_JOINT = r"\s*(?:,|/|&|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*"
_PHRASE = r"([\w'-]+(?:\s+[\w'-]+){0,2})"
_COORDINATED = re.compile(_PHRASE + _JOINT + _PHRASE, re.I)


def _sides(left: str, right: str) -> list[tuple[str, str]]:
    """Each end of the left phrase with each start of the right one, content words only."""
    lw, rw = left.lower().split(), right.lower().split()
    ends = [" ".join(lw[n:]) for n in range(len(lw))]
    starts = [" ".join(rw[: n + 1]) for n in range(len(rw))]
    return [
        (a, b)
        for a in ends
        for b in starts
        if all(w not in text.FUNCTION_WORDS or w == "i" for w in (*a.split(), *b.split()))
    ]


def coordinated_terms(prompt: str) -> list[tuple[str, str]]:
    """Pairs of phrases the prompt sets side by side ("A and B", "A or B", "A vs B", "A, B"):
    the concepts a question asks to tell apart."""
    found: dict[tuple[str, str], None] = {}
    for n in range(len(prompt)):
        if n and prompt[n - 1].isalnum():
            continue
        match = _COORDINATED.match(prompt, n)
        if match:
            found.update(dict.fromkeys(_sides(match.group(1), match.group(2))))
    return list(found)


def term_pairs(points: Sequence[str], prompt: str) -> list[tuple[str, str]]:
    """Pairs of parallel concepts (:func:`coordinated_terms`) that are distinct facets of the
    rubric: each named by a key point that does not name the other, and not two forms of one word."""
    out: list[tuple[str, str]] = []
    for a, b in coordinated_terms(prompt):
        if _forms_of_one_word(a, b):
            continue
        where_a = {n for n, p in enumerate(points) if mentions(p, a)}
        where_b = {n for n, p in enumerate(points) if mentions(p, b)}
        if where_a - where_b and where_b - where_a:
            out.append((a, b))
    # The longest phrases first: "type i"/"type ii" before any shorter reading of the same words.
    out.sort(key=lambda pair: -len(pair[0]) - len(pair[1]))
    return out


def _forms_of_one_word(a: str, b: str) -> bool:
    """Two spellings of one thing ("tree", "trees"; "parameters", "parametric"), or one term
    inside the other: exchanging them changes the grammar, not the claim."""
    if mentions(a, b) or mentions(b, a) or text.content_stems(a) == text.content_stems(b):
        return True
    left, right = a.split(), b.split()
    if len(left) == len(right) == 2 and (left[0] == right[0] or left[1] == right[1]):
        left, right = [w for w in left if w not in right], [w for w in right if w not in left]
    x, y = " ".join(left), " ".join(right)
    common = next((n for n, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    return common >= 4


def _as_pair(point: str, a: str, b: str) -> bool:
    """The key point names both terms side by side ("A and B", "A or B", "A/B", "A & B", "A, B")."""
    left, right = _pattern(a).pattern, _pattern(b).pattern
    return re.search(f"(?:{left}){_JOINT}(?:{right})|(?:{right}){_JOINT}(?:{left})", point, re.I) is not None


def exchanged_answer(
    points: Sequence[str],
    answer: str,
    labels: dict[int, int],
    pairs: Sequence[tuple[str, str]],
    entailed: int,
    contradicted: int,
) -> Exchanged | None:
    """The answer with the first of ``pairs`` (:func:`term_pairs`' order) it names exchanged, and
    the labels that follow.

    ``labels`` are the graded labels of the original answer by key point number (from 1); the
    pair must touch at least one key point the answer covers (``entailed``), or None.
    """
    for a, b in pairs:
        if not (mentions(answer, a) and mentions(answer, b)):
            continue
        new: dict[int, int] = {}
        flipped = 0
        for number, point in enumerate(points, 1):
            named = mentions(point, a) or mentions(point, b)
            if not named:
                new[number] = labels[number]
            elif labels[number] == entailed and not _as_pair(point, a, b):
                new[number] = contradicted
                flipped += 1
        if flipped:
            return Exchanged(exchange(answer, a, b), (a, b), new)
    return None


def turned_claim(point: str, sentence: str, pairs: Sequence[tuple[str, str]]) -> str | None:
    """``sentence`` (the key point or a paraphrase of it) with the first pair of terms it names
    exchanged, when the key point names one of them and not both as a pair; else None."""
    for a, b in pairs:
        named = (mentions(point, a) or mentions(point, b)) and not _as_pair(point, a, b)
        if named and (mentions(sentence, a) or mentions(sentence, b)):
            turned = exchange(sentence, a, b)
            return turned if turned != sentence else None
    return None
