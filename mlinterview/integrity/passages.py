"""Shared passages between two token sequences, as character spans a page can highlight.

Both the text and the code index describe an answer as a list of units (word shingles, token
k-grams), each unit covering a character span of the answer. Two answers share a passage where
a run of consecutive units of one appears, in the same order, in the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    """A stretch found in both answers: ``[start, end)`` in the new answer and in the earlier one."""

    start: int
    end: int
    other_start: int
    other_end: int

    def to_dict(self) -> dict[str, int]:
        return {
            "start": self.start,
            "end": self.end,
            "other_start": self.other_start,
            "other_end": self.other_end,
        }


def shared_passages(
    units: Sequence[int],
    spans: Sequence[tuple[int, int]],
    other_units: Sequence[int],
    other_spans: Sequence[tuple[int, int]],
    skip: frozenset[int] = frozenset(),
) -> list[Passage]:
    """The longest runs of units the two answers have in common, left to right in the new answer.

    ``units[i]`` is a hash covering ``spans[i]`` (a character span); units in ``skip`` (starter
    code, say) never start or extend a passage. Runs that overlap in both answers are merged; runs
    that overlap in the new answer only (reordered sentences) stay apart, each with its own place.
    """
    where: dict[int, list[int]] = {}
    for j, unit in enumerate(other_units):
        if unit not in skip:
            where.setdefault(unit, []).append(j)
    found: list[Passage] = []
    i = 0
    while i < len(units):
        starts = where.get(units[i])
        if not starts:
            i += 1
            continue
        best_j, best_len = starts[0], 1
        for j in starts:
            n = 1
            while (
                i + n < len(units)
                and j + n < len(other_units)
                and units[i + n] == other_units[j + n]
                and units[i + n] not in skip
            ):
                n += 1
            if n > best_len:
                best_j, best_len = j, n
        passage = Passage(
            spans[i][0],
            spans[i + best_len - 1][1],
            other_spans[best_j][0],
            other_spans[best_j + best_len - 1][1],
        )
        last = found[-1] if found else None
        if last and passage.start <= last.end and last.other_start <= passage.other_start <= last.other_end:
            passage = Passage(
                last.start,
                max(last.end, passage.end),
                min(last.other_start, passage.other_start),
                max(last.other_end, passage.other_end),
            )
            found[-1] = passage
        else:
            found.append(passage)
        i += best_len
    return found
