from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models

from mlinterview.practice import Deck
from mlinterview.web.assessments.models import Score, TrialRun


class PracticeDeck(models.Model):
    """One person's practice schedule (an FSRS card per question), as the core's JSON."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_deck"
    )
    data = models.TextField(default='{"version": 1, "cards": []}')
    updated_at = models.DateTimeField(auto_now=True)

    @property
    def deck(self) -> Deck:
        return Deck.from_json(self.data)

    def store(self, deck: Deck) -> None:
        self.data = deck.to_json()
        self.save(update_fields=["data", "updated_at"])


class PracticeAnswer(models.Model):
    """Every practice answer with its feedback, so nothing typed is lost and progress can be shown."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_answers"
    )
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=10, default="question")
    content = models.TextField()
    score = models.FloatField()
    feedback = models.JSONField(default=dict)
    answered_at = models.DateTimeField()

    class Meta:
        ordering = ["-answered_at"]


class PracticeCode(models.Model):
    """What a person last typed for one coding exercise, saved as they type, so nothing is lost."""

    MAX_CHARS = 20_000

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_code")
    slug = models.SlugField(max_length=80)
    content = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The save rate limit's state, as on an assessment attempt (assessments' save_limits).
    save_allowance_full_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "slug"], name="one_practice_code_per_exercise")
        ]


class PracticeRun(models.Model):
    """A run of a person's code, asked for on the practice page: on the public examples, or a
    submission judged on every test. Queued for a worker like an assessment's trial run, and
    rationed by the same rule (assessments' trial_limits)."""

    class Kind(models.TextChoices):
        EXAMPLES = "examples", "Run on the examples"
        SUBMIT = "submit", "Submission"

    Status = Score.Status

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_runs")
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    source = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # Only what the person may see: every public test, and for hidden tests how many passed.
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    PATIENCE = TrialRun.PATIENCE

    class Meta:
        ordering = ["-created_at", "-id"]

    def waited_too_long(self, now: datetime) -> bool:
        return now - self.created_at > self.PATIENCE
