"""What the review page and the shortlist show of the similarity findings (read only: the
comparisons were made by the background check, index.py).

The other answer of a pair is shown only to a reviewer who may open its attempt, and always under
the other candidate's alias (never a name or an address); to anyone else it is "an answer in
another assessment", with the passages of the reviewed answer still marked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mlinterview.web.assessments import access
from mlinterview.web.assessments import models as m
from mlinterview.web.integrity.index import reference_text
from mlinterview.web.integrity.models import Finding

WHY = {
    Finding.Kind.TEXT: "Shares long runs of wording with {other}",
    Finding.Kind.CODE: "Shares code with {other} (names, comments and layout set aside)",
    Finding.Kind.PARAPHRASE: "Says much the same as {other}, in other words",
    Finding.Kind.REFERENCE: "Is close to our reference answer",
}


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> SafeString:
    """``text`` escaped, with each span wrapped in <mark> (overlapping spans merged)."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        out.append(escape(text[at:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of the text is escaped above


@dataclass
class Flag:
    kind: str
    why: str  # a sentence about the pair, its measure included
    mine: SafeString  # the reviewed answer, its shared passages marked
    other: SafeString | None = None  # the other answer (or our reference), marked; None if hidden
    other_label: str = ""
    other_where: str = ""  # the other answer's assessment
    other_link: tuple[int, int] | None = None  # (assessment, attempt) of the other answer
    passages: int = 0


def flags_for(answer: m.Answer, user: Any) -> list[Flag]:
    """The findings of one answer as the review page shows them to ``user``."""
    findings = list(
        Finding.objects.filter(answer=answer).select_related(
            "other__attempt__invitation__candidate", "other__attempt__invitation__version__assessment"
        )
    )
    visible = set(
        access.attempts_for(user)
        .filter(pk__in=[f.other.attempt_id for f in findings if f.other is not None])
        .values_list("pk", flat=True)
    )
    flags = []
    for finding in findings:
        mine = highlight(answer.content, [(p[0], p[1]) for p in finding.passages])
        theirs = [(p[2], p[3]) for p in finding.passages]
        flag = Flag(finding.kind, "", mine, passages=len(finding.passages))
        if finding.other is None:
            flag.other = highlight(reference_text(answer.item), theirs)
            flag.other_label = "Our reference answer"
        elif finding.other.attempt_id in visible:
            other = finding.other
            invitation = other.attempt.invitation
            flag.other = highlight(other.content, theirs)
            flag.other_label = invitation.candidate.alias
            flag.other_where = invitation.version.assessment.title
            flag.other_link = (invitation.version.assessment_id, other.attempt_id)
        else:
            flag.other_label = "An answer in another assessment"
        other_name = (
            "an answer in another assessment" if flag.other_link is None else f"{flag.other_label}'s answer"
        )
        if finding.kind == Finding.Kind.PARAPHRASE:
            measure = f"meaning similarity {finding.score:.2f} of 1"
        elif finding.other is None:
            measure = f"{finding.score:.0%} of this answer"
        else:
            measure = f"{finding.score:.0%} of the shorter one shared"
        flag.why = f"{WHY[finding.kind].format(other=other_name)} ({measure})"
        flags.append(flag)
    return flags


def flagged_answers(attempt_ids: Iterable[int]) -> dict[int, int]:
    """{attempt id: how many of its answers have a finding}, in one query."""
    counted = (
        Finding.objects.filter(answer__attempt_id__in=list(attempt_ids))
        .values("answer__attempt_id")
        .annotate(n=Count("answer_id", distinct=True))
        .values_list("answer__attempt_id", "n")
    )
    return dict(counted)
