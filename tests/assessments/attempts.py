"""Test data and helpers shared by the staff, candidate, anonymity and API tests: submitted
attempts with scores, and the candidate page's autosave call."""

from __future__ import annotations

import json

from django.test import Client

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services

GRADED_BY = "test-version"  # the grader version the scores made here record


def evidence(title: str) -> dict:
    """Evidence shaped like the scoring engine's, written by the test (the engine itself is tested
    in tests/scoring; these tests are about what the pages and the API do with a score)."""
    return {
        "key_points": [
            {"text": f"{title}: the covered point.", "covered": True, "evidence": "quoted from the answer"},
            {"text": f"{title}: the missed point.", "covered": False, "evidence": ""},
        ],
        "misconceptions": [],
        "feedback": f"You covered 1 of 2 key points on {title}.",
    }


def submitted_attempt(version, recruiter, name: str, email: str, values: list[float | None]) -> m.Attempt:
    """Invite, start, answer and submit; then mark each (primary) score done with its value from
    ``values`` (in item order; None leaves that score pending), graded by version ``GRADED_BY``."""
    invitation, _ = services.invite(version, name, email, recruiter)
    attempt = services.start_attempt(invitation)
    for answer in attempt.answers.all():
        text = f"My answer to item {answer.item.position}, typed in the test"
        services.autosave(attempt, answer.item_id, text)
    services.submit(attempt)
    scores = m.Score.objects.filter(answer__attempt=attempt).order_by("answer__item__position")
    for score, value in zip(scores, values, strict=True):
        if value is not None:
            m.Score.objects.filter(pk=score.pk).update(
                status=m.Score.Status.DONE,
                auto_value=value,
                evidence=evidence(f"item {score.pk}"),
                grader_version=GRADED_BY,
            )
    return attempt


def score_at(attempt: m.Attempt, position: int) -> m.Score:
    """The primary score of the answer at ``position``."""
    return m.Score.objects.get(answer__attempt=attempt, answer__item__position=position, primary=True)


def save_over_http(client: Client, token: str, item_id: int, content: str):
    """What the candidate page's autosave sends: one answer's text, as JSON."""
    return client.post(
        f"/take/{token}/save/",
        data=json.dumps({"item": item_id, "content": content}),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )
