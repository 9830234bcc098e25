"""What the Greenhouse integration keeps: organisation API keys (never the key itself), the tests
Greenhouse sent through us, and the completion callback owed for each."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from mlinterview.web.accounts.models import Team
from mlinterview.web.assessments.models import Invitation


class ApiKey(models.Model):
    """A key a team gives Greenhouse. Only its public prefix, a random salt and a SHA-256 hash are
    stored; the key itself is derived from the server's secret and the salt (``keys.py``), so the
    callback can present it again without the database ever holding it."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="greenhouse_keys")
    label = models.CharField(
        max_length=100, blank=True, help_text="What it is for (e.g. the Greenhouse account)."
    )
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    salt = models.CharField(max_length=64, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # The credential Greenhouse issued for our calls to it (the completion PATCH), if it issued one
    # apart from this key. Kept as given, since it must be sent (as webhook secrets are), and never
    # shown again in full once saved; empty means the PATCH presents this key itself.
    completion_credential = models.CharField(max_length=200, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Greenhouse API key"

    def __str__(self) -> str:
        return f"{self.team} · {self.prefix}…" + (" (revoked)" if self.revoked_at else "")


class SentTest(models.Model):
    """One test Greenhouse sent to a candidate through us: an invitation, and the id we gave back."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.PROTECT, related_name="sent_tests")
    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="greenhouse")
    partner_interview_id = models.CharField(max_length=40, unique=True)
    callback_url = models.URLField(max_length=2000)
    # Greenhouse's page of the candidate: personal data, emptied when the candidate is erased.
    greenhouse_profile_url = models.URLField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class Callback(models.Model):
    """The PATCH owed to Greenhouse once the attempt is reviewed, and how its delivery went."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed (gave up)"

    sent_test = models.OneToOneField(SentTest, on_delete=models.CASCADE, related_name="callback")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    tries = models.PositiveIntegerField(default=0)
    next_try_at = models.DateTimeField()
    last_status = models.PositiveIntegerField(null=True, blank=True, help_text="HTTP status of the last try.")
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
