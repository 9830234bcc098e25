"""The near-duplicate check, run by the background scoring job once an answer's primary score is
done (``tasks.run_scoring``): the answer is compared with the other submitted answers to its item
and with the reference answer, and what is found is stored (``NearDuplicate``) for the review page
to read. Page views compare nothing.

The comparison is word 5-gram containment, which catches copied and lightly edited text without
a model. A check compares one answer with each other answer once (n comparisons for the n-th
answer of an item), where the review page used to compare every pair of the assessment on every
view. A pair is found by whichever of its two answers is checked second, since each check reads
every answer already submitted; both answers get a row. Answers stored before the check existed
were checked by the migration that added it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import transaction

from mlinterview.web.assessments import models as m

THRESHOLD = 0.9  # share of one text's 5-word runs found in the other
MIN_WORDS = 12  # shorter answers are too short to call copied

Shingles = frozenset[tuple[str, ...]]


def shingles(text: str, n: int = 5) -> Shingles:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1)))


def containment(left: Shingles, right: Shingles) -> float:
    """Share of ``left``'s 5-word runs that also occur in ``right``."""
    return len(left & right) / len(left) if left else 0.0


def find_near_duplicates(
    content: str, reference: str, others: Iterable[tuple[int, str]]
) -> list[tuple[int | None, float]]:
    """(other answer's id, or None for the reference answer; containment) for each text ``content``
    is near-identical to: it holds at least THRESHOLD of the reference's wording, or either of it
    and another answer holds that much of the other's. Answers under MIN_WORDS words are skipped."""
    if len(content.split()) < MIN_WORDS:
        return []
    own = shingles(content)
    found: list[tuple[int | None, float]] = []
    if reference and (value := containment(own, shingles(reference))) >= THRESHOLD:
        found.append((None, value))
    for other_id, text in others:
        if len(text.split()) < MIN_WORDS:
            continue
        theirs = shingles(text)
        value = max(containment(own, theirs), containment(theirs, own))
        if value >= THRESHOLD:
            found.append((other_id, value))
    return found


def check_near_duplicates(answer_id: int) -> int:
    """Check one submitted answer and store what is found (worker side). Safe to run twice: each
    finding is stored once. Returns how many findings it made."""
    answer = m.Answer.objects.select_related("attempt", "item__question_version").get(pk=answer_id)
    if answer.attempt.submitted_at is None:
        return 0
    reference = (
        answer.item.question_version.data.get("reference_answer", "") if answer.item.question_version else ""
    )
    others = (
        m.Answer.objects.filter(item_id=answer.item_id, attempt__submitted_at__isnull=False)
        .exclude(pk=answer.pk)
        .values_list("pk", "content")
    )
    rows: list[m.NearDuplicate] = []
    for other_id, value in find_near_duplicates(answer.content, reference, others.iterator()):
        rows.append(m.NearDuplicate(answer_id=answer.pk, other_id=other_id, containment=value))
        if other_id is not None:
            rows.append(m.NearDuplicate(answer_id=other_id, other_id=answer.pk, containment=value))
    with transaction.atomic():
        m.NearDuplicate.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
