"""Fixtures shared by the practice tests."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mlinterview.web.practice import clock


@pytest.fixture
def travel(monkeypatch):
    """Move the practice clock to a number of days after the test began: ``travel(3.5)``."""
    start = timezone.now()

    def to(days: float) -> None:
        monkeypatch.setattr(clock, "now", lambda: start + timedelta(days=days))

    to(0)
    return to
