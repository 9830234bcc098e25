"""Similar written answers to one item: word shingles, MinHash/LSH for candidates, exact check.

    index = TextIndex()
    for answer_id, text in answers:          # in submission order
        matches = index.add(answer_id, text) # earlier answers this one resembles, most similar first

Each answer becomes the set of its ``k``-word shingles (lower-cased words, punctuation dropped).
A MinHash of that set goes into a datasketch LSH index tuned to a low Jaccard threshold, which
proposes candidates without comparing against every earlier answer; each candidate is then
checked exactly on the shingle sets (Jaccard and containment, the share of the shorter answer
found in the other). Reordered sentences keep their inner shingles, so they still match.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import blake2b

import numpy as np
from datasketch import MinHash, MinHashLSH

from mlinterview.integrity.passages import Passage, shared_passages

WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE_WORDS = 5
NUM_PERM = 128
# The LSH only proposes candidates: a low threshold keeps recall, the exact check decides.
LSH_THRESHOLD = 0.1
# Flag when this share of the shorter answer's shingles is found in the other answer.
CONTAINMENT_FLAG = 0.35
# Too short to judge: fewer shingles than this and the answer is never flagged.
MIN_SHINGLES = 8


def _hash(words: tuple[str, ...]) -> int:
    digest = blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return struct.unpack("<Q", digest)[0]


@lru_cache(maxsize=8)
def _lsh_params(num_perm: int) -> tuple[int, int]:
    """Bands and rows for the LSH threshold: datasketch integrates for them (0.1 s), so once."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=num_perm)
    return lsh.b, lsh.r


@lru_cache(maxsize=8)
def _template(num_perm: int) -> MinHash:
    """A MinHash whose permutations every other one shares (drawing them costs more than hashing)."""
    return MinHash(num_perm=num_perm)


@dataclass(frozen=True)
class Shingled:
    """An answer as shingle hashes by position, each with the character span it covers."""

    units: list[int]
    spans: list[tuple[int, int]]
    unique: frozenset[int]


def shingle(text: str, k: int = SHINGLE_WORDS) -> Shingled:
    words = [(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)]
    if len(words) < k:
        words_only = tuple(w for w, _, _ in words)
        units = [_hash(words_only)] if words else []
        spans = [(words[0][1], words[-1][2])] if words else []
        return Shingled(units, spans, frozenset(units))
    units, spans = [], []
    for i in range(len(words) - k + 1):
        units.append(_hash(tuple(w for w, _, _ in words[i : i + k])))
        spans.append((words[i][1], words[i + k - 1][2]))
    return Shingled(units, spans, frozenset(units))


@dataclass(frozen=True)
class TextMatch:
    """An earlier answer this one resembles, with the evidence."""

    other_id: str
    jaccard: float
    containment: float
    passages: list[Passage] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "other_id": self.other_id,
            "jaccard": round(self.jaccard, 4),
            "containment": round(self.containment, 4),
            "passages": [p.to_dict() for p in self.passages],
        }


def _minhash(shingled: Shingled, num_perm: int) -> MinHash:
    template = _template(num_perm)
    m = MinHash(num_perm=num_perm, permutations=template.permutations, scheme=template.scheme)
    if shingled.unique:
        values = np.fromiter(shingled.unique, dtype=np.uint64, count=len(shingled.unique))
        # datasketch hashes bytes; eight bytes per shingle hash are enough.
        m.update_batch([v.tobytes() for v in values])
    return m


def _overlap(shingled: Shingled, other: Shingled, threshold: float) -> tuple[float, float] | None:
    """(containment, jaccard) of two shingled answers, or None under the threshold or too short."""
    if len(shingled.unique) < MIN_SHINGLES or len(other.unique) < MIN_SHINGLES:
        return None
    common = len(shingled.unique & other.unique)
    containment = common / min(len(shingled.unique), len(other.unique))
    if containment < threshold:
        return None
    return containment, common / len(shingled.unique | other.unique)


def band_keys(text: str, k: int = SHINGLE_WORDS, num_perm: int = NUM_PERM) -> list[int]:
    """The answer's LSH band keys, one per band, for an index kept outside this process.

    Two answers with a key in common are the candidates ``TextIndex`` would have proposed (the
    same bands and rows), so a database table of (key, answer) finds them with one lookup. The
    keys are signed 64-bit integers (a database's big integer). An answer too short to be judged
    has none.
    """
    shingled = shingle(text, k)
    if len(shingled.unique) < MIN_SHINGLES:
        return []
    hashvalues = _minhash(shingled, num_perm).hashvalues
    bands, rows = _lsh_params(num_perm)
    keys = []
    for band in range(bands):
        chunk = hashvalues[band * rows : (band + 1) * rows].astype("<u8").tobytes()
        digest = blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(struct.unpack("<q", digest)[0])
    return keys


def compare_texts(
    text: str,
    other_text: str,
    other_id: str = "",
    threshold: float = CONTAINMENT_FLAG,
    k: int = SHINGLE_WORDS,
) -> TextMatch | None:
    """The exact check of one pair, as ``TextIndex.add`` makes it of each candidate: the match
    with its passages (character spans in ``text`` and in ``other_text``), or None under the threshold."""
    shingled, other = shingle(text, k), shingle(other_text, k)
    overlap = _overlap(shingled, other, threshold)
    if overlap is None:
        return None
    passages = shared_passages(shingled.units, shingled.spans, other.units, other.spans)
    return TextMatch(other_id, overlap[1], overlap[0], passages)


class TextIndex:
    """Written answers to one item, indexed as they arrive."""

    def __init__(
        self,
        threshold: float = CONTAINMENT_FLAG,
        k: int = SHINGLE_WORDS,
        num_perm: int = NUM_PERM,
        limit: int = 5,
    ) -> None:
        self.threshold = threshold
        self.k = k
        self.num_perm = num_perm
        self.limit = limit
        self._lsh = MinHashLSH(num_perm=num_perm, params=_lsh_params(num_perm))
        self._answers: dict[str, Shingled] = {}
        # Exact checks made so far: the LSH's candidates, far fewer than all pairs.
        self.checked = 0

    def __len__(self) -> int:
        return len(self._answers)

    def add(self, answer_id: str, text: str) -> list[TextMatch]:
        """Index ``text`` and return the earlier answers above the threshold, most similar first."""
        if answer_id in self._answers:
            raise ValueError(f"answer {answer_id!r} is already indexed")
        shingled = shingle(text, self.k)
        minhash = _minhash(shingled, self.num_perm)
        scored = []
        if len(shingled.unique) >= MIN_SHINGLES:
            for other_id in self._lsh.query(minhash):
                self.checked += 1
                overlap = self._overlap(shingled, other_id)
                if overlap is not None:
                    scored.append((-overlap[0], -overlap[1], other_id))
        self._answers[answer_id] = shingled
        if shingled.unique:
            self._lsh.insert(answer_id, minhash)
        scored.sort()
        # Passages cost a walk over both answers: only for the matches that are returned.
        return [
            TextMatch(other_id, -negative_jaccard, -negative_containment, self._passages(shingled, other_id))
            for negative_containment, negative_jaccard, other_id in scored[: self.limit]
        ]

    def _overlap(self, shingled: Shingled, other_id: str) -> tuple[float, float] | None:
        """(containment, jaccard) with an earlier answer, or None under the threshold."""
        return _overlap(shingled, self._answers[other_id], self.threshold)

    def _passages(self, shingled: Shingled, other_id: str) -> list[Passage]:
        other = self._answers[other_id]
        return shared_passages(shingled.units, shingled.spans, other.units, other.spans)
