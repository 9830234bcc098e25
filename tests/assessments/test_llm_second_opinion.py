"""The language-model second opinion in the web app (issue 13, item 5): with MLINTERVIEW_LLM_URL
unset nothing changes; set, each written answer gets a second score row graded through the queue's
code by the configured endpoint, stored beside the primary score, never ranked, shown to reviewers
with a flag where it disagrees by more than one point, and announced on the candidate's landing page.

The endpoint is tests/scoring/fake_llm.py: a local server speaking the chat-completions protocol,
standing in for a language model we cannot run here."""

from __future__ import annotations

import re

import pytest

from mlinterview.scoring import graders, llm
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.scoring.fake_llm import FakeLLM
from tests.scoring.test_llm_grader import GOOD

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def fake():
    with FakeLLM() as server:
        yield server


@pytest.fixture
def registry(monkeypatch) -> graders.Registry:
    fresh = graders.default_registry()
    monkeypatch.setattr(graders, "registry", fresh)
    return fresh


def take(published, recruiter, client) -> tuple[m.Attempt, str]:
    """Invite, read the landing page (returned), start and answer."""
    invitation, token = services.invite(published, "Ada Lovelace", "ada@example.com", recruiter)
    landing = client.get(f"/take/{token}/").content.decode()
    attempt = services.start_attempt(invitation)
    for answer in attempt.answers.select_related("item"):
        services.autosave(attempt, answer.item_id, GOOD if answer.item.position == 0 else "I am not sure.")
    return attempt, landing


def test_unset_changes_nothing(client, registry, published, recruiter, monkeypatch):
    monkeypatch.delenv("MLINTERVIEW_LLM_URL", raising=False)
    attempt, landing = take(published, recruiter, client)
    assert "second-opinion-notice" not in landing
    services.submit(attempt)
    assert not m.Score.objects.filter(answer__attempt=attempt, primary=False).exists()
    assert llm.LLM_SECOND_OPINION not in registry.names()


def test_configured_second_opinion_is_graded_stored_shown_and_never_ranked(
    client, registry, published, recruiter, interviewer, monkeypatch, fake
):
    monkeypatch.setenv("MLINTERVIEW_LLM_URL", fake.url("reader"))
    monkeypatch.setenv("MLINTERVIEW_LLM_MODEL", "local-test")
    attempt, landing = take(published, recruiter, client)
    assert "second-opinion-notice" in landing and "127.0.0.1" in landing
    services.submit(attempt)
    seconds = m.Score.objects.filter(answer__attempt=attempt, primary=False).order_by(
        "answer__item__position"
    )
    assert [s.grader for s in seconds] == [llm.LLM_SECOND_OPINION] * 3
    first = seconds[0]
    assert services.run_scoring(first.pk) == "done"
    first.refresh_from_db()
    assert first.grader_version == "local-test+prompt-1"
    assert first.auto_value == pytest.approx((1 + 4 * 3 / 5) / 5)
    assert [c["quote"] for c in first.evidence["covered"]][0].startswith("A type I error is a false positive")
    primary = m.Score.objects.get(answer=first.answer, primary=True)
    m.Score.objects.filter(pk=primary.pk).update(status=m.Score.Status.DONE, auto_value=0.2)
    before = [(row.attempt.pk, row.total) for row in services.shortlist(published)]
    client.force_login(interviewer)
    page = client.get(f"/assessments/{published.assessment.pk}/attempts/{attempt.pk}/").content.decode()
    assert "Second opinion (llm-second-opinion local-test+prompt-1, not ranked)" in page
    # On the product's one scale, the percentage every score on the page is printed in.
    assert page.count("Disagrees with the score above by more than 20 percentage points") == 1
    assert "(of 5)" not in page and not re.search(r"\d\s*/\s*5\b", page)
    assert "Scores are percentages, as everywhere in mlinterview" in page
    assert [(row.attempt.pk, row.total) for row in services.shortlist(published)] == before


def test_a_failing_endpoint_leaves_the_primary_score_alone_and_is_retried(
    client, registry, published, recruiter, monkeypatch, fake
):
    monkeypatch.setenv("MLINTERVIEW_LLM_URL", fake.url("500"))
    attempt, _ = take(published, recruiter, client)
    services.submit(attempt)
    second = m.Score.objects.filter(answer__attempt=attempt, primary=False).first()
    assert services.run_scoring(second.pk) == "failed"
    second.refresh_from_db()
    assert second.status == m.Score.Status.PENDING and "HTTP 500" in second.error
    primary = m.Score.objects.get(answer=second.answer, primary=True)
    assert (primary.status, primary.tries, primary.error) == (m.Score.Status.PENDING, 0, "")


def test_a_hosted_endpoint_without_the_opt_in_is_refused_and_sends_nothing(
    client, registry, published, recruiter, monkeypatch, caplog
):
    monkeypatch.setenv("MLINTERVIEW_LLM_URL", "https://llm.example.com/v1")
    monkeypatch.delenv("MLINTERVIEW_LLM_HOSTED", raising=False)
    attempt, landing = take(published, recruiter, client)
    assert "second-opinion-notice" not in landing
    services.submit(attempt)
    assert not m.Score.objects.filter(answer__attempt=attempt, primary=False).exists()
    assert "MLINTERVIEW_LLM_HOSTED=1" in caplog.text
