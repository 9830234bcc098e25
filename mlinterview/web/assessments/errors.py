"""The errors of the assessment rules, shared by the services, the jobs and the exercise adapter.

A message of these errors is safe to show to the person whose request broke the rule."""

from __future__ import annotations


class AssessmentError(Exception):
    """A request that breaks a rule; the message is safe to show to the person who made it."""


class InvalidToken(AssessmentError):
    pass
