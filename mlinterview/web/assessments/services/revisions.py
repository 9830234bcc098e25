"""An answer's revision history: one revision per window of a few seconds, capped per answer.

- A save within ``window_seconds`` of the start of the newest revision's window rewrites that
  revision in place, so each window keeps the latest text typed in it (a page saving every few
  seconds makes about one revision a window; a flood of saves makes no more).
- When an answer holds more than ``max_revisions`` revisions or ``max_revision_bytes`` bytes of
  them, every other intermediate revision is dropped until it fits: the first revision and the
  newest one (the answer's current text) are always kept, and what remains stays spread over the
  whole attempt, older history growing coarser each time the cap is reached.
"""

from __future__ import annotations

from datetime import datetime

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.services.save_limits import AutosaveLimits


def record_revision(answer: m.Answer, now: datetime, limits: AutosaveLimits) -> None:
    """Keep ``answer.content`` (just saved, as ``answer.revision``) in the revision history. The
    answer's row must be locked by the caller's transaction."""
    size = len(answer.content.encode())
    newest = answer.revisions.order_by("-revision").first()
    if newest is not None and now - newest.saved_at < limits.window:
        newest.revision, newest.content, newest.size = answer.revision, answer.content, size
        newest.save(update_fields=["revision", "content", "size"])
    else:
        m.AnswerRevision.objects.create(
            answer=answer, revision=answer.revision, content=answer.content, size=size
        )
    thin_revisions(answer, limits)


def thin_revisions(answer: m.Answer, limits: AutosaveLimits) -> int:
    """Drop intermediate revisions until the answer's history fits its caps; returns how many."""
    rows = list(answer.revisions.order_by("revision").values_list("pk", "size"))
    dropped: list[int] = []

    def over() -> bool:
        return len(rows) > limits.max_revisions or sum(size for _, size in rows) > limits.max_revision_bytes

    while len(rows) > 1 and over():
        if len(rows) == 2:
            # Only the first and the current text are left and still too big: the current
            # text is what matters.
            dropped.append(rows.pop(0)[0])
            continue
        first, *middle, newest = rows
        dropped.extend(pk for pk, _ in middle[0::2])
        rows = [first, *middle[1::2], newest]
    if dropped:
        m.AnswerRevision.objects.filter(pk__in=dropped).delete()
    return len(dropped)
