"""The time the practice pages run on. One function, so tests can move it (time travel)."""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()
