"""The rubric rules: a 0-5 score computed from verdicts per key point, never taken from a model.

Every grader that reads an answer key point by key point (the language-model second opinion
today) turns its verdicts into a score here, so the same answer read the same way scores the same
whoever read it. The rules, in the order they apply:

1. An answer that does not address the question scores 0 and says so.
2. Coverage: a key point covered counts 1, partly covered 1/2, missing or contradicted 0.
   The base score is ``1 + 4 * coverage / number of key points``; an answer that covers no key
   point scores 1, or 0.5 when it also states something wrong.
3. "Most key points" means at least three quarters of them (coverage >= 0.75). A score of 4 or
   more needs most key points covered and none contradicted; the coverage formula gives exactly
   that (1 + 4 * 0.75 = 4), and the caps below remove the second condition's exceptions.
4. A contradicted key point caps the score at 2; when contradicted key points are at least as
   many as covered ones (the answer is wrong at its centre) the cap is 1.
5. A stated misconception caps the score at 1.5. Each misconception is reported once, with the
   candidate's sentence.

The result names what was covered, what was missing and what was wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

MAX_SCORE = 5.0
CONTRADICTION_CAP = 2.0
CENTRAL_CONTRADICTION_CAP = 1.0
MISCONCEPTION_CAP = 1.5
NOTHING_COVERED_CAP = 1.0


class Verdict(StrEnum):
    covered = "covered"
    partial = "partial"
    missing = "missing"
    contradicted = "contradicted"


CREDIT = {Verdict.covered: 1.0, Verdict.partial: 0.5, Verdict.missing: 0.0, Verdict.contradicted: 0.0}


@dataclass(frozen=True)
class PointVerdict:
    """How an answer treats one key point, with the candidate's sentence as evidence ("" if none)."""

    point: str
    verdict: Verdict
    quote: str = ""


@dataclass(frozen=True)
class StatedMisconception:
    claim: str
    correction: str
    quote: str


@dataclass(frozen=True)
class RuleScore:
    score: float  # 0..5
    covered: list[PointVerdict]
    missing: list[PointVerdict]
    contradicted: list[PointVerdict]
    misconceptions: list[StatedMisconception]
    caps: list[str] = field(default_factory=list)
    off_topic: bool = False

    def feedback(self) -> str:
        if self.off_topic:
            return "The answer does not address the question asked. It scores 0."
        total = len(self.covered) + len(self.missing) + len(self.contradicted)
        parts = [f"You covered {len(self.covered)} of {total} key points."]
        partly = sum(1 for v in self.covered if v.verdict == Verdict.partial)
        if partly:
            parts.append(f"{partly} of them only in part.")
        parts += [f"Wrong: “{v.quote}” contradicts: {v.point}" for v in self.contradicted]
        parts += [f"Misconception: “{m.quote}”. {m.correction}" for m in self.misconceptions]
        if self.missing:
            parts.append("Missing: " + "; ".join(v.point for v in self.missing))
        parts += self.caps
        return " ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "off_topic": self.off_topic,
            "covered": [
                {"point": v.point, "verdict": v.verdict.value, "quote": v.quote} for v in self.covered
            ],
            "missing": [{"point": v.point} for v in self.missing],
            "contradicted": [{"point": v.point, "quote": v.quote} for v in self.contradicted],
            "misconceptions": [
                {"claim": m.claim, "correction": m.correction, "quote": m.quote} for m in self.misconceptions
            ],
            "caps": list(self.caps),
            "feedback": self.feedback(),
        }


def apply(
    verdicts: Sequence[PointVerdict],
    misconceptions: Sequence[StatedMisconception] = (),
    *,
    off_topic: bool = False,
) -> RuleScore:
    """The score of an answer read as ``verdicts`` (one per key point, in rubric order)."""
    if off_topic:  # nothing is judged: every key point is missing, and nothing is quoted
        missing = [PointVerdict(v.point, Verdict.missing) for v in verdicts]
        return RuleScore(0.0, [], missing, [], [], ["It does not address the question."], True)
    unique: list[StatedMisconception] = []
    for stated in misconceptions:
        if all(stated.claim != seen.claim for seen in unique):
            unique.append(stated)
    covered = [v for v in verdicts if v.verdict in (Verdict.covered, Verdict.partial)]
    missing = [v for v in verdicts if v.verdict == Verdict.missing]
    contradicted = [v for v in verdicts if v.verdict == Verdict.contradicted]
    caps: list[str] = []
    credit = sum(CREDIT[v.verdict] for v in verdicts)
    if credit == 0:
        score = NOTHING_COVERED_CAP if not contradicted and not unique else NOTHING_COVERED_CAP / 2
        caps.append("No key point is covered.")
    else:
        score = 1.0 + (MAX_SCORE - 1.0) * credit / max(len(verdicts), 1)
    if contradicted:
        full = sum(1 for v in verdicts if v.verdict == Verdict.covered)
        cap = CENTRAL_CONTRADICTION_CAP if len(contradicted) >= max(full, 1) else CONTRADICTION_CAP
        if score > cap:
            caps.append(f"A contradicted key point caps the score at {cap:g}.")
        score = min(score, cap)
    if unique:
        if score > MISCONCEPTION_CAP:
            caps.append(f"A stated misconception caps the score at {MISCONCEPTION_CAP:g}.")
        score = min(score, MISCONCEPTION_CAP)
    return RuleScore(round(score, 2), covered, missing, contradicted, unique, caps)
