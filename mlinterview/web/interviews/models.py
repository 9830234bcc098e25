from __future__ import annotations

from django.conf import settings
from django.db import models

from mlinterview.web.accounts.models import Team
from mlinterview.web.assessments.models import Candidate
from mlinterview.web.questions.models import QuestionVersion


class Interview(models.Model):
    """A live interview of one candidate, run from a kit, by a panel of interviewers."""

    candidate_name = models.CharField(max_length=200)
    # The candidate's record when they took (or were invited to) one of the team's assessments;
    # empty for a candidate known only by the name typed in.
    candidate = models.ForeignKey(
        Candidate, on_delete=models.SET_NULL, null=True, blank=True, related_name="interviews"
    )
    level = models.CharField(max_length=10)
    minutes = models.PositiveIntegerField()
    # The seed the kit was drawn with: entering it again (for the same bank) draws the same kit.
    seed = models.IntegerField(default=0)
    # How many questions the candidate already met in an assessment were kept out of the draw.
    left_out = models.PositiveIntegerField(default=0, db_default=0)
    questions = models.ManyToManyField(QuestionVersion, through="InterviewQuestion", related_name="+")
    panel = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="interviews")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The team whose recruiters and hiring managers may open it (the panel always may).
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.candidate_name} ({self.level}, {self.minutes} min)"


class InterviewQuestion(models.Model):
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="items")
    question_version = models.ForeignKey(QuestionVersion, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["interview", "position"]


class Scorecard(models.Model):
    class Recommendation(models.TextChoices):
        STRONG_NO = "strong_no", "Strong no"
        NO = "no", "No"
        YES = "yes", "Yes"
        STRONG_YES = "strong_yes", "Strong yes"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scorecards")
    interviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recommendation = models.CharField(max_length=12, choices=Recommendation.choices, blank=True)
    reason = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["interview", "interviewer"], name="one_scorecard_per_interviewer")
        ]


class Rating(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="ratings")
    item = models.ForeignKey(InterviewQuestion, on_delete=models.CASCADE, related_name="ratings")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    advisory = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scorecard", "item"], name="one_rating_per_item")]
