from dataclasses import dataclass
from typing import List, Union

Number = Union[int, float]


@dataclass
class Span:
    start: Number
    end: Number

    @classmethod
    def from_pair(cls, pair) -> "Span":
        try:
            start, end = pair
        except (TypeError, ValueError) as exc:
            raise ValueError(f"not a [start, end] pair: {pair!r}") from exc
        if start > end:
            raise ValueError(f"invalid interval, start {start} is after end {end}")
        return cls(start, end)

    def touches(self, other: "Span") -> bool:
        return other.start <= self.end

    def absorb(self, other: "Span") -> None:
        self.end = max(self.end, other.end)

    def to_list(self) -> List[Number]:
        return [self.start, self.end]


class IntervalMerger:
    def __init__(self, raw_intervals) -> None:
        self.spans: List[Span] = [Span.from_pair(item) for item in raw_intervals]

    def merge(self) -> List[Span]:
        self.spans.sort(key=lambda span: (span.start, span.end))
        stack: List[Span] = []
        for span in self.spans:
            if stack and stack[-1].touches(span):
                stack[-1].absorb(span)
            else:
                stack.append(Span(span.start, span.end))
        return stack


def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    if not intervals:
        return []
    return [span.to_list() for span in IntervalMerger(intervals).merge()]
