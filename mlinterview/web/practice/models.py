from __future__ import annotations

from django.conf import settings
from django.db import models

from mlinterview.practice import Deck


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
