"""Webhook endpoints, the events emitted to them, each delivery and each try of it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

EVENTS = (
    ("invitation.sent", "Invitation sent"),
    ("attempt.submitted", "Attempt submitted"),
    ("attempt.scored", "Attempt scored"),
    ("review.completed", "Review completed"),
    ("profile.verified", "Profile verified"),
)
EVENT_NAMES = tuple(name for name, _ in EVENTS)


class Endpoint(models.Model):
    """Where events are sent. The secret signs every delivery; it is shown once, when made."""

    url = models.URLField(max_length=500)
    description = models.CharField(max_length=200, blank=True)
    secret = models.CharField(max_length=100)
    events = models.JSONField(default=list)  # names from EVENT_NAMES
    active = models.BooleanField(default=True)
    # Set by an administrator only: the target may be a private, loopback or link-local address.
    allow_private = models.BooleanField(default=False)
    timeout_seconds = models.PositiveSmallIntegerField(default=10)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.url


class Event(models.Model):
    """Something that happened, with the JSON payload every subscribed endpoint receives. The
    invitation (or candidate) it is about is kept so a candidate's erasure can find it."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=40)
    payload = models.JSONField(default=dict)
    invitation_id = models.IntegerField(null=True, blank=True, db_index=True)
    candidate_id = models.IntegerField(null=True, blank=True, db_index=True)
    # Emitting the same fact twice (two workers finishing an attempt's last scores) makes one event.
    dedup_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    erased_at = models.DateTimeField(null=True, blank=True)


class Delivery(models.Model):
    """One event to one endpoint, tried until it is accepted or the tries run out."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        RUNNING = "running", "Being sent"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled (candidate's data erased)"

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    # Sent with every try, so a receiver can ignore a delivery it has already processed.
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    tries = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    # While pending: when the reconciler may queue it again; while running: the worker's lease.
    lease_until = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    replay_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "lease_until"])]


class Try(models.Model):
    """One HTTP request of a delivery and what came of it."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
