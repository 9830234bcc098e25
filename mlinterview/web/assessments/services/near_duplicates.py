"""What the review page says about near-duplicate answers: read from the findings the background
check stored (jobs/duplicates.py); nothing is compared here."""

from __future__ import annotations

from collections.abc import Iterable

from mlinterview.web.assessments import models as m


def near_duplicate_flags(answers: Iterable[m.Answer]) -> dict[int, list[str]]:
    """{answer id: [reasons]} for these answers, from the stored findings."""
    findings = m.NearDuplicate.objects.filter(answer__in=[a.pk for a in answers]).select_related(
        "other__attempt__invitation__candidate"
    )
    flags: dict[int, list[str]] = {}
    for finding in findings:
        if finding.other is None:
            reason = "near-identical to the reference answer"
        else:
            reason = f"near-identical to {finding.other.attempt.invitation.candidate.alias}'s answer"
        flags.setdefault(finding.answer_id, []).append(reason)
    return flags
