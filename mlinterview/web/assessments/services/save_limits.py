"""How often an attempt may save, and how much revision history an answer keeps (issue 14,
finding 4: one token posting hundreds of saves a second grew the database by megabytes a second).

- Saves are rate-limited per attempt with a generic cell-rate algorithm: a burst of ``burst``
  saves at once, then ``per_second``. The state is one timestamp on the attempt row,
  ``save_allowance_full_at`` (when the whole burst is available again), read and written under the
  row lock the save already takes, so the limit holds across web processes and machines on SQLite
  and PostgreSQL alike (the default cache is per process and would not). A refused save raises
  :class:`SaveThrottled` with the seconds to wait; the page waits that long and sends its newest
  text again.
- The limits can be changed with the ``MLINTERVIEW_AUTOSAVE_LIMITS`` setting (a dict with any of
  the fields of :class:`AutosaveLimits`); docs/deployment.md lists the defaults.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import datetime, timedelta

from django.conf import settings

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.errors import AssessmentError


@dataclasses.dataclass(frozen=True)
class AutosaveLimits:
    burst: int = 20  # saves an attempt may make at once (a page saves every 3 s)
    per_second: float = 1.0  # saves a second after the burst is spent
    window_seconds: float = 5.0  # one revision per window, holding the window's latest text
    max_revisions: int = 200  # revisions kept per answer (older intermediate ones are thinned)
    max_revision_bytes: int = 2_000_000  # UTF-8 bytes of revisions kept per answer

    @property
    def interval(self) -> timedelta:
        return timedelta(seconds=1 / self.per_second)

    @property
    def window(self) -> timedelta:
        return timedelta(seconds=self.window_seconds)


def autosave_limits() -> AutosaveLimits:
    return AutosaveLimits(**getattr(settings, "MLINTERVIEW_AUTOSAVE_LIMITS", {}))


class SaveThrottled(AssessmentError):
    """Too many saves from one attempt: this one was not stored; send it again after
    ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            "Saving too often: this save was not stored. Your text is still on the page and is "
            f"saved again in {retry_after} s."
        )


def _refusal(full_at: datetime | None, now: datetime, limits: AutosaveLimits) -> int | None:
    """Seconds to wait if a save now would exceed the limit, else None."""
    if full_at is None:
        return None
    tolerance = limits.interval * (limits.burst - 1)
    wait = full_at - tolerance - now
    if wait <= timedelta(0):
        return None
    return max(1, math.ceil(wait.total_seconds()))


def check_save_allowed(attempt: m.Attempt, now: datetime, limits: AutosaveLimits) -> None:
    """Refuse a save without writing anything if the attempt as read shows no allowance left.

    A flood is refused here, before any row lock; :func:`take_save_allowance` decides under the
    lock (an attempt read a moment ago may show more allowance than is left)."""
    wait = _refusal(attempt.save_allowance_full_at, now, limits)
    if wait is not None:
        raise SaveThrottled(wait)


def take_save_allowance(locked: m.Attempt, now: datetime, limits: AutosaveLimits) -> None:
    """Spend one save of the attempt's allowance (the row must be locked), or raise
    :class:`SaveThrottled`. The caller saves ``save_allowance_full_at``."""
    check_save_allowed(locked, now, limits)
    full_at = locked.save_allowance_full_at
    locked.save_allowance_full_at = max(full_at or now, now) + limits.interval
