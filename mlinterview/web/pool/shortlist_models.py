"""Named shortlists of pool profiles and the read-only links that share them.

- A ``Shortlist`` is a named list kept by staff who may browse the pool; its ``Entry`` rows point
  at profiles and go when the profile goes (a withdrawal or an erasure deletes the profile).
- A ``ShareLink`` opens one shortlist, read-only, to someone without an account (a hiring manager)
  until ``expires_at`` or until a staff member revokes it. Only the token's SHA-256 is stored; the
  token itself is shown once, when the link is made.

Loaded by ``models.py`` so that Django registers these with the pool app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Shortlist(models.Model):
    name = models.CharField(max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "pool"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class ShortlistEntry(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    profile = models.ForeignKey("pool.Profile", on_delete=models.CASCADE, related_name="shortlist_entries")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "pool"
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["shortlist", "profile"], name="pool_profile_once_per_shortlist")
        ]


class ShareLink(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "pool"
        ordering = ["-created_at", "-pk"]
