"""The similarity index and its findings.

- ``IndexedAnswer``: an answer the check has processed (so it is processed once), under its item
  key (``question:<slug>`` or ``exercise:<slug>``: the same item across assessments), with its
  sentence embedding for written answers.
- ``IndexKey``: the inverted index, one row per (item key, key, answer): a written answer's LSH
  band keys, a code answer's winnowed fingerprints. A new answer looks its keys up here instead of
  being compared with every other answer.
- ``Finding``: ``answer`` resembles ``other`` (another candidate's answer to the same item; each
  answer of a pair has its row) or, when ``other`` is empty, our reference answer. ``passages``
  are character spans ``[start, end, other_start, other_end]``, the first two in ``answer``. A
  finding is a reason for a reviewer to look, never a verdict.
"""

from __future__ import annotations

from django.db import models

from mlinterview.web.assessments.models import Answer


class IndexedAnswer(models.Model):
    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="similarity_index")
    item_key = models.CharField(max_length=120, db_index=True)
    # How many keys the answer has in the index (code: the fingerprints matched on).
    size = models.PositiveIntegerField(default=0)
    # float32 unit vector of a written answer (cosine similarity is a dot product); else empty.
    embedding = models.BinaryField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now_add=True)


class IndexKey(models.Model):
    item_key = models.CharField(max_length=120)
    key = models.BigIntegerField()
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="+")

    class Meta:
        # Its index (item_key, key, answer) serves the lookups by (item_key, key).
        constraints = [
            models.UniqueConstraint(fields=["item_key", "key", "answer"], name="one_index_key_per_answer")
        ]


class Finding(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", "Shared wording"
        CODE = "code", "Shared code"
        PARAPHRASE = "paraphrase", "Same meaning, different words"
        REFERENCE = "reference", "Close to our reference answer"

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="similarity_findings")
    other = models.ForeignKey(Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # Text: share of the shorter answer's word runs in the other; code: share of the smaller
    # answer's fingerprints; paraphrase: cosine of the embeddings; reference: share of the answer.
    score = models.FloatField()
    passages = models.JSONField(default=list, blank=True)
    found_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["answer", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "other", "kind"], name="one_finding_per_pair_and_kind"),
            models.UniqueConstraint(
                fields=["answer", "kind"],
                condition=models.Q(other__isnull=True),
                name="one_reference_finding_per_kind",
            ),
        ]
