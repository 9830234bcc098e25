"""Database copy of the bank, with a version row for every distinct revision of a question.

A question keeps its id and slug for life; each import that changes its content adds a
``QuestionVersion`` (so an assessment can point at exactly the text a candidate saw), and a
question removed from the content is marked retired rather than deleted.
"""

from __future__ import annotations

from django.db import models

from mlinterview.bank.schema import Question as QuestionContent
from mlinterview.bank.schema import RoleProfile as RoleProfileContent


class QuestionSet(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField()
    open_ended = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    class Level(models.TextChoices):
        JUNIOR = "junior", "Junior"
        MID = "mid", "Mid"
        SENIOR = "senior", "Senior"

    slug = models.SlugField(max_length=80, unique=True)
    question_set = models.ForeignKey(QuestionSet, on_delete=models.PROTECT, related_name="questions")
    title = models.CharField(max_length=300)
    level = models.CharField(max_length=10, choices=Level.choices)
    tags = models.JSONField(default=list)
    minutes = models.PositiveSmallIntegerField()
    current_version = models.ForeignKey(
        "QuestionVersion", on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Out of circulation: not offered to new assessments, the builder, the generators or practice.
    # Either the question left the content files (the importer sets it, and restores it when the
    # question comes back), or an administrator retired it as leaked (``leaked_at`` set, with the
    # reason; see assessments/services/exposure.py), which no import undoes.
    retired = models.BooleanField(
        default=False, help_text="Out of circulation: gone from the content files, or retired as leaked."
    )
    leaked_at = models.DateTimeField(null=True, blank=True, help_text="When it was retired as leaked.")
    leaked_reason = models.TextField(blank=True, db_default="", help_text="Why it was retired as leaked.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["question_set__position", "slug"]

    def __str__(self) -> str:
        return self.slug

    @property
    def content(self) -> QuestionContent:
        assert self.current_version is not None
        return self.current_version.content


class QuestionVersion(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content_hash = models.CharField(max_length=64)
    data = models.JSONField()
    source_path = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["question", "number"]
        constraints = [models.UniqueConstraint(fields=["question", "number"], name="unique_question_version")]

    def __str__(self) -> str:
        return f"{self.question.slug} v{self.number}"

    @property
    def content(self) -> QuestionContent:
        return QuestionContent.model_validate(self.data)


class RoleProfile(models.Model):
    """Each distinct revision of the role profile; the newest is the current one."""

    content_hash = models.CharField(max_length=64)
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]

    @property
    def content(self) -> RoleProfileContent:
        return RoleProfileContent.model_validate(self.data)

    @classmethod
    def current(cls) -> RoleProfile | None:
        return cls.objects.order_by("-id").first()
