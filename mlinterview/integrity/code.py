"""Similar code answers to one exercise: normalised tokens, k-grams, winnowing, inverted index.

    index = CodeIndex(starter=starter_source, reference=solution_source)
    result = index.add(answer_id, source)
    result.matches             # earlier answers sharing fingerprints, most similar first
    result.reference_share     # share of the answer's fingerprints found in our reference (a leak)

Python's ``tokenize`` reads the answer; comments, docstrings, blank lines and indentation are
dropped, every identifier that is not a keyword or a builtin becomes ``V``, every number ``N``
and every short string ``S`` (a long one, a SQL query say, is read as its words), so renaming
variables and adding comments change nothing. Hashes of ``k`` consecutive tokens are
winnowed (the smallest hash of each window of ``w``, as in MOSS), which keeps a fingerprint of
every shared stretch of at least ``k + w - 1`` tokens wherever it sits: statements moved
around keep theirs. Fingerprints found anywhere in the starter code are ignored, and so are
the reference solution's when comparing candidates (a correct short answer looks like the
reference, and like every other correct answer); closeness to the reference is reported on
its own instead. A fingerprint that many of the exercise's earlier answers already hold is
common (``common_fingerprints``, MOSS's rule): the obvious solution shape that people write
alike, so it is left out of both answers when a pair is judged. Earlier answers are found
through an inverted index from fingerprint to answers, never by comparing against all of them.
"""

from __future__ import annotations

import builtins
import io
import keyword
import re
import struct
import tokenize
from dataclasses import dataclass, field
from hashlib import blake2b

from mlinterview.integrity.passages import Passage, shared_passages

K = 10
WINDOW = 4
# Flag a pair when this share of the smaller answer's fingerprints is in the other one. Raised from
# 0.5 after a second and third author's solutions (tests/integrity/independent, b-* and c-*) showed
# that short textbook solutions written apart share half their fingerprints; chosen on authors a-c
# and then measured once on authors d and e, who wrote after it was fixed (see the README).
SHARE_FLAG = 0.6
# Flag a leak when this share of the answer's fingerprints is in our reference.
REFERENCE_FLAG = 0.6
# And at least this many shared fingerprints: a share of a handful is chance (the same one-line
# rewrite of the reference by two candidates, a one-call answer such as ``heapq.nsmallest``), not a
# copy. Raised from 8 with SHARE_FLAG.
MIN_SHARED = 12
# Fewer fingerprints than this (after the starter's are removed) and the answer is not judged.
MIN_FINGERPRINTS = 6
# A fingerprint held by at least COMMON_MIN of the exercise's earlier answers, and by at least
# COMMON_SHARE of them, is common: the exercise's obvious solution shape, not evidence of copying
# (MOSS ignores passages found in many submissions the same way). It is left out of both answers of
# a pair, the shares' denominators included. The rule waits for COMMON_FROM earlier answers: in a
# handful, a passage several hold is as likely one answer copied as a shape everyone writes.
# Chosen on the independent solutions of tests/integrity/independent by the authors a-e, then
# measured once on those of g and h, who wrote after the choice (the README gives both).
COMMON_MIN = 2
COMMON_SHARE = 0.15
COMMON_FROM = 5

_KEEP = set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins))
# A string this long (a SQL query, say) is compared by its words, not as one literal.
LONG_STRING = 40
_WORD = re.compile(r"\w+|[^\w\s]")
# Python 3.12 splits f-strings into several tokens; 3.11 has one STRING.
_STRINGS = {
    getattr(tokenize, name)
    for name in ("STRING", "FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
    if hasattr(tokenize, name)
}
_SKIP = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}


def _line_starts(source: str) -> list[int]:
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def normalise(source: str) -> list[tuple[str, int, int]]:
    """The answer's tokens as (kind, start, end): ``V`` for a name, ``N``, ``S``, keywords, operators.

    A source that does not tokenize (a syntax error half-way) keeps the tokens read so far.
    """
    starts = _line_starts(source)
    tokens: list[tuple[str, int, int]] = []
    previous = tokenize.NEWLINE
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in _SKIP:
                continue
            start = starts[tok.start[0] - 1] + tok.start[1]
            end = starts[tok.end[0] - 1] + tok.end[1]
            if tok.type == tokenize.NEWLINE:
                previous = tok.type
                tokens.append((";", start, max(start, end)))
                continue
            if tok.type == tokenize.STRING and previous == tokenize.NEWLINE:
                # A string on its own line is a docstring or a comment in disguise.
                previous = tokenize.STRING
                continue
            previous = tok.type
            if tok.type == tokenize.NAME:
                kind = tok.string if tok.string in _KEEP else "V"
            elif tok.type == tokenize.NUMBER:
                kind = "N"
            elif tok.type in _STRINGS and len(tok.string) >= LONG_STRING:
                # A query or a template is the answer itself (SQL exercises): read its words.
                for word in _WORD.finditer(tok.string):
                    tokens.append((word.group().lower(), start + word.start(), start + word.end()))
                continue
            elif tok.type in _STRINGS:
                kind = "S"
            else:
                kind = tok.string
            tokens.append((kind, start, end))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    # A docstring's own NEWLINE is left as an empty statement: drop repeated separators.
    cleaned: list[tuple[str, int, int]] = []
    for token in tokens:
        if token[0] == ";" and (not cleaned or cleaned[-1][0] == ";"):
            continue
        cleaned.append(token)
    return cleaned


def _hash(kinds: list[str]) -> int:
    return struct.unpack("<Q", blake2b("\x1f".join(kinds).encode("utf-8"), digest_size=8).digest())[0]


@dataclass(frozen=True)
class Fingerprinted:
    """All k-gram hashes by position (for passages) and the winnowed set (for matching)."""

    grams: list[int]
    spans: list[tuple[int, int]]
    fingerprints: frozenset[int]


def fingerprint(source: str, k: int = K, window: int = WINDOW) -> Fingerprinted:
    tokens = normalise(source)
    kinds = [t[0] for t in tokens]
    grams = [_hash(kinds[i : i + k]) for i in range(len(kinds) - k + 1)]
    spans = [(tokens[i][1], tokens[i + k - 1][2]) for i in range(len(grams))]
    chosen: set[int] = set()
    if grams and len(grams) <= window:
        chosen.add(min(grams))
    for i in range(len(grams) - window + 1):
        chosen.add(min(grams[i : i + window]))
    return Fingerprinted(grams, spans, frozenset(chosen))


def common_fingerprints(held_by: dict[int, int], answers: int) -> frozenset[int]:
    """The fingerprints that are common among an exercise's ``answers`` earlier answers.

    ``held_by`` maps a new answer's fingerprints to how many of those answers hold each one (a
    fingerprint missing from it is held by none).
    """
    if answers < COMMON_FROM:
        return frozenset()
    return frozenset(fp for fp, n in held_by.items() if n >= COMMON_MIN and n >= COMMON_SHARE * answers)


@dataclass(frozen=True)
class CodeMatch:
    other_id: str
    share: float
    shared: int
    passages: list[Passage] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "other_id": self.other_id,
            "share": round(self.share, 4),
            "shared": self.shared,
            "passages": [p.to_dict() for p in self.passages],
        }


@dataclass(frozen=True)
class CodeResult:
    matches: list[CodeMatch]
    reference_share: float
    matches_reference: bool
    fingerprints: int
    # How many of the answer's fingerprints were common among the earlier answers (not counted).
    common: int = 0

    def to_dict(self) -> dict:
        return {
            "matches": [m.to_dict() for m in self.matches],
            "reference_share": round(self.reference_share, 4),
            "matches_reference": self.matches_reference,
            "fingerprints": self.fingerprints,
            "common": self.common,
        }


@dataclass(frozen=True)
class PreparedCode:
    """An answer fingerprinted for one exercise (``CodeIndex.prepare``)."""

    printed: Fingerprinted
    compared: frozenset[int]  # without the starter's and the reference's fingerprints
    fingerprints: int  # without the starter's only
    reference_share: float
    matches_reference: bool


class CodeIndex:
    """Code answers to one exercise, indexed as they arrive."""

    def __init__(
        self,
        starter: str = "",
        reference: str = "",
        threshold: float = SHARE_FLAG,
        reference_threshold: float = REFERENCE_FLAG,
        k: int = K,
        window: int = WINDOW,
        limit: int = 5,
    ) -> None:
        self.k, self.window, self.limit = k, window, limit
        self.threshold, self.reference_threshold = threshold, reference_threshold
        self._starter = frozenset(fingerprint(starter, k, window).grams) if starter else frozenset()
        self._reference = (
            frozenset(fingerprint(reference, k, window).grams) - self._starter if reference else frozenset()
        )
        self._ignored = self._starter | self._reference
        self._postings: dict[int, list[str]] = {}
        self._answers: dict[str, tuple[Fingerprinted, frozenset[int]]] = {}
        # Earlier answers scored so far: those sharing a fingerprint, fewer than all pairs.
        self.checked = 0

    def __len__(self) -> int:
        return len(self._answers)

    def prepare(self, source: str) -> PreparedCode:
        """An answer as this exercise's index sees it: its fingerprints and the reference check.

        ``compared`` is what another answer is matched on (the keys of an inverted index kept
        outside this process, a database table say); ``add`` uses the same.
        """
        printed = fingerprint(source, self.k, self.window)
        own = printed.fingerprints - self._starter
        reference_share = len(own & self._reference) / len(own) if own else 0.0
        matches_reference = len(own) >= MIN_FINGERPRINTS and reference_share >= self.reference_threshold
        return PreparedCode(printed, own - self._reference, len(own), reference_share, matches_reference)

    def _score(self, shared: int, compared: int, other_compared: int) -> float | None:
        smaller = min(compared, other_compared)
        if smaller >= MIN_FINGERPRINTS and shared >= MIN_SHARED and shared / smaller >= self.threshold:
            return shared / smaller
        return None

    def compare(
        self,
        new: PreparedCode,
        other: PreparedCode,
        other_id: str = "",
        common: frozenset[int] = frozenset(),
    ) -> CodeMatch | None:
        """The exact check of one pair (both prepared by this index): the match with its passages
        (character spans in the new answer and the other), or None under the threshold.

        ``common``: the fingerprints common among the exercise's answers (``common_fingerprints``),
        left out of both answers."""
        mine, theirs = new.compared - common, other.compared - common
        shared = len(mine & theirs)
        share = self._score(shared, len(mine), len(theirs))
        if share is None:
            return None
        return CodeMatch(other_id, share, shared, self._passages(new.printed, other.printed, common))

    def _passages(
        self, printed: Fingerprinted, other: Fingerprinted, common: frozenset[int] = frozenset()
    ) -> list[Passage]:
        skip = self._ignored | common if common else self._ignored
        return shared_passages(printed.grams, printed.spans, other.grams, other.spans, skip=skip)

    def add(self, answer_id: str, source: str) -> CodeResult:
        """Index ``source``; return the earlier answers above the threshold and the reference check."""
        if answer_id in self._answers:
            raise ValueError(f"answer {answer_id!r} is already indexed")
        prepared = self.prepare(source)
        held_by = {fp: len(self._postings[fp]) for fp in prepared.compared if fp in self._postings}
        common = common_fingerprints(held_by, len(self._answers))
        compared = prepared.compared - common
        counts: dict[str, int] = {}
        for fp in compared:
            for other_id in self._postings.get(fp, ()):
                counts[other_id] = counts.get(other_id, 0) + 1
        scored = []
        self.checked += len(counts)
        for other_id, shared in counts.items():
            other = self._answers[other_id][1]
            share = self._score(shared, len(compared), len(other - common) if common else len(other))
            if share is not None:
                scored.append((-share, -shared, other_id))
        scored.sort()
        # Passages cost a walk over both answers: only for the matches that are returned.
        matches = [
            CodeMatch(
                other_id,
                -negative_share,
                -negative_shared,
                self._passages(prepared.printed, self._answers[other_id][0], common),
            )
            for negative_share, negative_shared, other_id in scored[: self.limit]
        ]
        # Indexed whole: whether a fingerprint is common is decided anew for each later answer.
        self._answers[answer_id] = (prepared.printed, prepared.compared)
        for fp in prepared.compared:
            self._postings.setdefault(fp, []).append(answer_id)
        return CodeResult(
            matches, prepared.reference_share, prepared.matches_reference, prepared.fingerprints, len(common)
        )
