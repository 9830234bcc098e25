"""Attempt integrity signals (issue 16, point 2): what the candidate's page reports about how an
answer came to be, stored as context for reviewers and never as a verdict.

The landing page and the privacy notice tell the candidate what is recorded before they start:

- pastes into an answer: how many characters and when (the pasted text itself is not sent; what
  lands in the answer is saved with the answer anyway);
- leaving the page for another tab or window and coming back: how often, and the time away;
- a summary of the typing per answer: input events, characters added a few at a time ("typed")
  and in larger blocks (pastes, drops, insertions), the largest single insertion, active time.

The page (static/mlinterview/attempt_signals.js) sends small *reports* of what happened since
its last one to ``take/<token>/activity/``. Nothing in a report is trusted as it comes:

- a report that is not shaped as documented, or holds negative or impossible numbers (a largest
  insertion bigger than all the characters added, characters without an input event), is refused
  whole (:class:`BadReport`); one with too many events is refused too;
- the numbers are clamped to what the time since the attempt's previous report allows (active
  typing time, a paste's time, time away) and to the answer's size limit;
- time away is measured by the server's clock as well: a return counts at most the time since the
  server heard that the page was left (plus a little for the network), however long the page says
  it was away; the total never exceeds the attempt's duration;
- reports come at most at the autosave's rate (a burst, then one a second; :class:`ReportThrottled`),
  and are ignored once the attempt is submitted or past its deadline.

None of this changes a score, the shortlist or its ranking; the review page shows it under
"Attempt context" in plain words (:func:`attempt_context`, :func:`answer_context`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.services.attempts import LATE_SAVE_GRACE

MAX_REPORT_BYTES = 8_192  # a report's JSON body; larger ones are refused unread (HTTP 413)
MAX_PASTES = 50  # pastes in one report
MAX_AWAY_EVENTS = 40  # leave and return events in one report
MAX_INPUTS = 20_000  # input events in one report
TYPED_PER_INPUT = 8  # the most characters one "typed" input event adds (the page's own threshold)
NETWORK_SLACK = timedelta(seconds=5)  # a report's times may run this far past the server's clock
REPORT_BURST = 20  # reports an attempt may send at once
REPORT_INTERVAL = timedelta(seconds=1)  # then one a second
ACTIVE_GAP_SECONDS = 5  # the page counts the time between input events closer than this
LONG_INSERTION = 100  # an input event adding at least this many characters is mentioned


class BadReport(ValueError):
    """A report that is not shaped as documented or holds impossible numbers: refused whole."""


class ReportThrottled(AssessmentError):
    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"Too many reports: send this one again in {retry_after} s.")


@dataclass(frozen=True)
class Typing:
    inputs: int = 0
    typed: int = 0
    inserted: int = 0
    largest: int = 0
    active_ms: float = 0.0


@dataclass(frozen=True)
class Report:
    item: int
    pastes: list[tuple[int, float]] = field(default_factory=list)  # (characters, ms before sending)
    typing: Typing = Typing()
    away: list[float | None] = field(default_factory=list)  # None: left; a number: back after ms


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BadReport(f"{what} must be a number.")
    if value < 0:
        raise BadReport(f"{what} cannot be negative.")
    return float(value)


def _count(value: Any, what: str) -> int:
    number = _number(value, what)
    if number != int(number):
        raise BadReport(f"{what} must be a whole number.")
    return int(number)


def parse_report(payload: Any) -> Report:
    """Check a report's shape and numbers (see the module's docstring); clamping comes later."""
    if not isinstance(payload, dict):
        raise BadReport("A report is a JSON object.")
    item = _count(payload.get("item"), "item")
    pastes_in, away_in = payload.get("pastes", []), payload.get("away", [])
    typing_in = payload.get("typing", {})
    if not isinstance(pastes_in, list) or not isinstance(away_in, list) or not isinstance(typing_in, dict):
        raise BadReport("pastes and away are lists, typing an object.")
    if len(pastes_in) > MAX_PASTES or len(away_in) > MAX_AWAY_EVENTS:
        raise BadReport("Too many events in one report.")
    pastes = []
    for paste in pastes_in:
        if not isinstance(paste, dict):
            raise BadReport("A paste is an object.")
        pastes.append((_count(paste.get("chars"), "chars"), _number(paste.get("ms_ago", 0), "ms_ago")))
    away: list[float | None] = []
    for event in away_in:
        kind = event.get("event") if isinstance(event, dict) else None
        if kind == "left":
            away.append(None)
        elif kind == "back":
            away.append(_number(event.get("ms"), "ms"))
        else:
            raise BadReport("An away event is 'left' or 'back'.")
    counts = {k: _count(typing_in.get(k, 0), k) for k in ("inputs", "typed", "inserted", "largest")}
    typing = Typing(**counts, active_ms=_number(typing_in.get("active_ms", 0), "active_ms"))
    added = typing.typed + typing.inserted
    if typing.largest > added:
        raise BadReport("The largest insertion cannot exceed the characters added.")
    if added and not typing.inputs:
        raise BadReport("Characters were added without an input event.")
    if typing.inputs > MAX_INPUTS:
        raise BadReport("Too many input events in one report.")
    return Report(item=item, pastes=pastes, typing=typing, away=away)


def _take_allowance(activity: m.AttemptActivity, now: datetime) -> None:
    """The autosave's rate limit (services/save_limits.py), on the activity row (locked)."""
    full_at = activity.allowance_full_at
    if full_at is not None:
        wait = full_at - REPORT_INTERVAL * (REPORT_BURST - 1) - now
        if wait > timedelta(0):
            raise ReportThrottled(max(1, math.ceil(wait.total_seconds())))
    activity.allowance_full_at = max(full_at or now, now) + REPORT_INTERVAL


def record_report(attempt: m.Attempt, report: Report, now: datetime | None = None) -> bool:
    """Store a report's numbers, clamped. False (nothing stored) once the attempt is closed.

    Raises ``Answer.DoesNotExist`` for an item not in this attempt, :class:`ReportThrottled` for a
    report over the rate limit."""
    now = now or timezone.now()
    with transaction.atomic():
        # The answer and its attempt are locked first, by the very query the autosave uses, so a
        # report and a save queue in one order. Before, the report locked the attempt (through its
        # activity) and then needed the answer's row for the new AnswerActivity's key, while a save
        # held the answer and waited for the attempt: PostgreSQL found the deadlock and the save
        # failed with a 503 (CI run 23, the code editor's browser test). SQLite has no row locks
        # (``select_for_update`` does nothing there; its writers queue whole, BEGIN IMMEDIATE).
        answer = (
            m.Answer.objects.select_for_update()
            .select_related("attempt")
            .get(attempt_id=attempt.pk, item_id=report.item)
        )
        m.AttemptActivity.objects.get_or_create(attempt_id=attempt.pk)
        activity = m.AttemptActivity.objects.select_for_update().select_related("attempt").get(
            attempt_id=attempt.pk
        )
        locked = activity.attempt
        if locked.submitted_at is not None or now > locked.deadline + LATE_SAVE_GRACE:
            return False
        _take_allowance(activity, now)
        since = max(activity.last_report_at or locked.started_at, locked.started_at)
        window = max(0.0, (now - since + NETWORK_SLACK).total_seconds())
        _record_away(activity, report.away, now, window)
        activity.reports += 1
        activity.last_report_at = now
        activity.save()
        answer_activity, _ = m.AnswerActivity.objects.get_or_create(answer=answer)
        _record_pastes(answer_activity, report.pastes, now, window, locked.started_at)
        _record_typing(answer_activity, report.typing, window)
        answer_activity.save()
    return True


def _record_away(
    activity: m.AttemptActivity, events: list[float | None], now: datetime, window: float
) -> None:
    budget = max(0.0, (now - activity.attempt.started_at + NETWORK_SLACK).total_seconds())
    for event in events:
        if event is None:  # left the page
            activity.times_away += 1
            activity.away_since = now
            continue
        if activity.away_since is not None:  # back: at most what the server saw pass
            heard = (now - activity.away_since + NETWORK_SLACK).total_seconds()
        else:  # the "left" never arrived: count the leave, within this report's window
            activity.times_away += 1
            heard = window
        seconds = min(event / 1000.0, heard)
        activity.seconds_away = min(activity.seconds_away + seconds, budget)
        activity.away_since = None


def _record_pastes(
    activity: m.AnswerActivity, pastes: list[tuple[int, float]], now: datetime, window: float, start: datetime
) -> None:
    for chars, ms_ago in pastes:
        chars = min(chars, m.Answer.MAX_CHARS)
        at = max(now - timedelta(seconds=min(ms_ago / 1000.0, window)), start)
        activity.pastes += 1
        activity.pasted_chars += chars
        activity.largest_paste = max(activity.largest_paste, chars)
        if len(activity.paste_log) < m.AnswerActivity.MAX_LOGGED_PASTES:
            activity.paste_log = [*activity.paste_log, {"at": at.isoformat(), "chars": chars}]


def _record_typing(activity: m.AnswerActivity, typing: Typing, window: float) -> None:
    inputs = typing.inputs
    typed = min(typing.typed, inputs * TYPED_PER_INPUT)
    inserted = min(typing.inserted, 10 * m.Answer.MAX_CHARS)
    activity.input_events += inputs
    activity.typed_chars += typed
    activity.inserted_chars += inserted
    activity.largest_insertion = max(activity.largest_insertion, min(typing.largest, m.Answer.MAX_CHARS))
    activity.active_seconds += min(typing.active_ms / 1000.0, window)


# --- what the review page says ---------------------------------------------------------------


def duration(seconds: float) -> str:
    """'45 s', '2 min 10 s', '1 h 5 min'."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def attempt_context(activity: m.AttemptActivity | None) -> list[str]:
    """The attempt's lines of context, in plain words (no verdict)."""
    if activity is None or not activity.reports:
        return ["Nothing was recorded: the page sent no reports (for instance with JavaScript off)."]
    if not activity.times_away:
        return ["The page was not left for another tab or window."]
    lines = [
        f"Left the tab {_plural(activity.times_away, 'time')}, "
        f"{duration(activity.seconds_away)} away in total."
    ]
    if activity.away_since is not None:
        lines.append("The last time, the page did not report coming back before the attempt ended.")
    return lines


def answer_context(activity: m.AnswerActivity | None, answer_chars: int) -> list[str]:
    """One answer's lines of context, in plain words (no verdict)."""
    if activity is None or not (activity.input_events or activity.pastes):
        return ["Nothing recorded for this answer."]
    lines = []
    if activity.pastes:
        line = f"Pasted {_plural(activity.pasted_chars, 'character')} in {_plural(activity.pastes, 'paste')}"
        if activity.pastes > 1:
            line += f" (the largest {activity.largest_paste:,})"
        lines.append(line + ".")
    else:
        lines.append("No pastes.")
    if activity.largest_insertion >= LONG_INSERTION:
        lines.append(
            f"{_plural(activity.largest_insertion, 'character')} appeared in one input event "
            f"(the answer has {answer_chars:,})."
        )
    if activity.input_events:
        detail = f"{_plural(activity.typed_chars, 'character')} typed a few at a time"
        if activity.inserted_chars:
            detail += f", {activity.inserted_chars:,} in larger blocks such as pastes"
        lines.append(
            f"Input events: {activity.input_events:,} ({detail}; "
            f"{duration(activity.active_seconds)} of active typing)."
        )
    return lines
