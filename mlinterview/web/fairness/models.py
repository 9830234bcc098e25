"""Self-identification categories (set up by the organisation) and candidates' answers to them.

``SelfIdentification`` is deliberately not linked from the assessments' models: an attempt, its
answers and its scores know nothing of it, so no review page, shortlist, export or API that reads
them can show it by accident.
"""

from __future__ import annotations

from django.db import models

PREFER_NOT_TO_SAY = "Prefer not to say"


class Category(models.Model):
    """A question such as "Gender" or "Age band", with the answers a candidate may choose."""

    name = models.CharField(max_length=100, unique=True)
    labels = models.TextField(
        help_text='The answers a candidate may choose, one per line. "Prefer not to say" is always '
        "offered as well; there is no need to add it."
    )
    position = models.PositiveIntegerField(default=0, help_text="Categories are asked in this order.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "self-identification categories"
        verbose_name = "self-identification category"

    def __str__(self) -> str:
        return self.name

    @property
    def choices(self) -> list[str]:
        """The labels in order without blanks or repeats, then "Prefer not to say" (once)."""
        seen: dict[str, None] = {}
        for line in self.labels.splitlines():
            label = line.strip()
            if label and label.casefold() != PREFER_NOT_TO_SAY.casefold():
                seen.setdefault(label, None)
        return [*seen, PREFER_NOT_TO_SAY]


class SelfIdentification(models.Model):
    """One candidate's answer in one category, for one invitation (one attempt)."""

    invitation = models.ForeignKey("assessments.Invitation", on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="answers")
    label = models.CharField(max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["invitation", "category"], name="one_label_per_category")
        ]
        permissions = [
            ("view_adverse_impact", "See self-identification data and the adverse-impact report"),
        ]
