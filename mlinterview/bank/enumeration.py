"""Find key points that bundle a list of parallel items into one point.

A key point such as "Remedies include ReLU, residual connections, batch normalisation, careful
initialisation and gradient clipping" leaves a grader (and the scorer) unsure how many of the items
an answer must name to earn it. The check flags a key point that enumerates at least
``MIN_ITEMS`` parallel items unless the point says how many of them earn it ("any two of these",
"at least three of", "naming two of these earns the point").

The detection is deliberately simple and conservative (no parser): the sentence is split at commas
and semicolons outside brackets; a list is a run of short segments without a verb, ended by a
segment that opens with, or contains, "and" / "or" after a short item. Commas around clauses
("When X, Y happens, and Z") break the run because such segments are long or carry a verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_ITEMS = 4
"""A key point listing this many parallel items or more is flagged."""

MAX_ITEM_WORDS = 5
"""A segment longer than this is a clause, not a list item."""

_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_SAYS_HOW_MANY = re.compile(
    rf"\bany {_NUMBER}\b"
    rf"|\bat least {_NUMBER} (?:of|from)\b"
    rf"|\b{_NUMBER} (?:or more )?(?:of|from) (?:these|them|those|the following)\b"
    r"|\bearns? (?:the|this) point\b",
    re.IGNORECASE,
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that make a segment a clause rather than a noun-phrase item.
_VERBS = _wordset(
    """
    is are was were be been being am has have had does do did can cannot could should must may
    might will would shall need needs gives give makes make takes take uses use means mean lets
    let keeps keep becomes become depends depend equals equal reduces reduce requires require
    prevents prevent causes cause leads lead helps help improves improve allows allow
    """
)

# A short sentence-opening segment that starts with one of these is an adverbial phrase
# ("Under label shift, ..."), not the first item of a list.
_OPENERS = _wordset(
    """
    in on at for with without under over after before during once when if unless while whereas
    although though because since as by from to given unlike like near beyond within across per
    """
)

# When the segment after a comma starts with one of these, the list (if any) starts there: the
# words before the comma ("... structure in the inputs, as in clustering, ...") are not an item.
_INTRODUCERS = _OPENERS | _wordset(
    """
    such including e.g. i.e. namely so but and or then which where who using via especially
    notably particularly mainly typically distinguishing combining covering comprising involving
    """
)

_DETERMINERS = _wordset("the a an each every its their this that these those")

_SERIAL = re.compile(r"^(?:and|or)\s+\S", re.IGNORECASE)
_CONJUNCTION = re.compile(r"^(?P<head>.+?)\s+(?:and|or)\s+\S", re.IGNORECASE)
_DANGLING = re.compile(r"^(?P<head>.+?)\s+(?:and|or)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"[,;]\s+")


@dataclass(frozen=True)
class Enumeration:
    """The longest list found in a key point."""

    items: int
    says_how_many: bool

    @property
    def bundled(self) -> bool:
        return self.items >= MIN_ITEMS and not self.says_how_many


def _outside_brackets(text: str) -> str:
    """The text with everything inside (), [] and {} removed (commas there are not list commas)."""
    out = []
    depth = 0
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
        elif not depth:
            out.append(char)
    return "".join(out)


def _words(segment: str) -> list[str]:
    return re.findall(r"[\w'’\-.×·/@]+", segment)


def _is_item(segment: str) -> bool:
    """A short noun phrase: a few words and no verb from ``_VERBS``."""
    words = [w.lower() for w in _words(segment)]
    return 0 < len(words) <= MAX_ITEM_WORDS and not any(w in _VERBS for w in words)


def _first_word(segment: str) -> str:
    words = _words(segment)
    return words[0].lower() if words else ""


def _last_word(segment: str) -> str:
    words = _words(segment)
    return words[-1].lower() if words else ""


def _leads_into_list(before: str, after: str) -> bool:
    """Whether the end of ``before`` is the first item of a list continued by ``after``."""
    words = [w.lower() for w in _words(after)]
    if not words or words[0] in _INTRODUCERS:
        return False
    if len(words) > 1 and "-" not in words[0]:
        # A verb form taking an object or a complement ("..., combining the probability of ...",
        # "..., addressed with real pairs, ...") starts a phrase of its own, unless the item before
        # the comma has the same form ("covers cleaning, imputing the ...", "logged, triaged by").
        for suffix, next_words in (("ing", _DETERMINERS), ("ed", _OPENERS)):
            if words[0].endswith(suffix) and words[1] in next_words:
                lead = _first_word(before) if _is_item(before) else _last_word(before)
                return lead.endswith(suffix)
    return True


def count_items(text: str) -> int:
    """The number of parallel items in the longest "A, B, C and D" list of ``text`` (0 if none)."""
    segments = [s.strip() for s in _SEPARATOR.split(_outside_brackets(text).rstrip(" ."))]
    best = 0
    for start in range(len(segments) - 1):
        opening_phrase = start == 0 and _first_word(segments[0]) in _OPENERS and _is_item(segments[0])
        first = 1 if _leads_into_list(segments[start], segments[start + 1]) and not opening_phrase else 0
        for middle, segment in enumerate(segments[start + 1 :]):
            dangling = _DANGLING.match(segment)
            joined = _CONJUNCTION.match(segment)
            if _SERIAL.match(segment):  # "A, B, and C": a serial comma follows two items or more
                if first + middle >= 2:
                    best = max(best, first + middle + 1)
                break
            if dangling is not None or joined is not None:
                # "..., C and D" or "A, B and, at some stage, C": the list ends after this item.
                # (An item with its own "and", as in "late and out-of-order events", ends the
                # count early: a missed list is better than a clause mistaken for one.)
                ending = dangling if dangling is not None else joined
                assert ending is not None
                head = ending.group("head")
                if _is_item(head):
                    best = max(best, first + middle + 2)
                break
            if not _is_item(segment):
                break
    return best


def enumeration(text: str) -> Enumeration:
    return Enumeration(items=count_items(text), says_how_many=bool(_SAYS_HOW_MANY.search(text)))


def is_bundled(text: str) -> bool:
    """True when ``text`` lists ``MIN_ITEMS`` or more parallel items without saying how many earn it."""
    return enumeration(text).bundled
