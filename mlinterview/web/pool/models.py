"""Vetted profiles, the skill levels that back them, and the one-time sign-in links.

- A ``Profile`` belongs to one person, known by their e-mail address (stored in lower case); it
  exists only while they consent: withdrawing deletes the row and everything hanging off it, and
  so does deleting the candidate's personal data (``services.forget_invitations``). The consent
  they gave (the text shown, its version and when) is kept on the row itself.
- ``ProfileSource`` ties a profile to the invitations whose reviewed work backs it, so that a
  deletion of those invitations' personal data finds the profile.
- A ``SkillLevel`` is one verified level (``levels.py``) of one core skill, with the counts of
  questions and exercises behind it, when it was last verified and the attempts it comes from.
  Search filters on (skill, level, verified_at): those are indexed.
- A ``SignInLink`` is a one-time link to the candidate's own pages. The database keeps only the
  token's SHA-256 (and a nonce which, with the server's secret key, rebuilds the token for the
  mail worker, as invitation links do); a link works once, until ``expires_at``.
"""

from __future__ import annotations

from django.db import models


class Profile(models.Model):
    class Availability(models.TextChoices):
        NOW = "now", "Available now"
        WEEKS = "weeks", "Available within a few weeks"
        MONTHS = "months", "Available in a few months"
        NOT_LOOKING = "not-looking", "Not looking at the moment"

    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100, blank=True)
    headline = models.CharField(max_length=200, blank=True)
    years_experience = models.PositiveSmallIntegerField(null=True, blank=True)
    location = models.CharField(max_length=120, blank=True)
    time_zone = models.CharField(max_length=60, blank=True)
    availability = models.CharField(
        max_length=20, choices=Availability.choices, default=Availability.WEEKS, db_index=True
    )
    links = models.JSONField(default=list, blank=True, help_text="Validated http(s) URLs.")
    consent_version = models.CharField(max_length=20)
    consent_text = models.TextField()
    consented_at = models.DateTimeField()
    levels_computed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["years_experience"], name="pool_profile_years")]

    def __str__(self) -> str:
        return self.anonymous_name

    @property
    def anonymous_name(self) -> str:
        """What staff see until they reveal the profile: the first name and the family name's initial."""
        initial = f" {self.last_name[:1].upper()}." if self.last_name else ""
        return f"{self.first_name}{initial}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class ProfileSource(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="sources")
    invitation_id = models.PositiveBigIntegerField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "invitation_id"], name="pool_one_source_per_invitation"
            )
        ]


class SkillLevel(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="skill_levels")
    skill = models.SlugField(max_length=80)
    level = models.PositiveSmallIntegerField()
    mean_score = models.FloatField(help_text="Mean of the reviewed scores behind the level, 0..1.")
    questions = models.PositiveIntegerField(default=0)
    exercises = models.PositiveIntegerField(default=0)
    verified_at = models.DateTimeField(help_text="The newest review behind the level.")
    attempt_ids = models.JSONField(default=list, help_text="The attempts whose reviewed scores back it.")

    class Meta:
        ordering = ["profile", "skill"]
        constraints = [models.UniqueConstraint(fields=["profile", "skill"], name="pool_one_level_per_skill")]
        indexes = [
            models.Index(fields=["skill", "level", "verified_at"], name="pool_skill_level_verified"),
            # Search (search.py) reads only these columns: the index covers its grouped query.
            models.Index(fields=["skill", "level", "verified_at", "profile"], name="pool_skill_level_cover"),
        ]


class SignInLink(models.Model):
    class MailStatus(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        HELD = "held", "Not sent (development)"
        FAILED = "failed", "Failed"

    email = models.EmailField(db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    nonce = models.CharField(max_length=64)
    base_url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    mail_status = models.CharField(max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED)
    mail_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


# Shortlists, their share links and search's row per profile live in their own modules;
# importing them registers them.
from mlinterview.web.pool.search_models import SearchEntry  # noqa: E402,F401
from mlinterview.web.pool.shortlist_models import ShareLink, Shortlist, ShortlistEntry  # noqa: E402,F401
