"""The review page of a code answer (issue 18, point 2): each test with its result, public or
hidden, and for a modelling task the metric, its value on the test's rows and the two thresholds
that turned it into partial credit. Reviewers only: the practice page, where a candidate sees the
same code judged, shows none of the hidden test's judgement.

The answer is judged for real: the worker's scoring function runs the judge in the sandbox on a
plausible wrong solution of a modelling task (each shop's median day: partial credit at most)."""

from __future__ import annotations

import json
from html import escape

import pytest
from django.template.defaultfilters import floatformat

from mlinterview.exercises.model import default_exercises_dir
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.practice import coding

pytestmark = [pytest.mark.django_db, pytest.mark.sandbox]

SLUG = "store-sales-forecast"
WRONG = (default_exercises_dir() / SLUG / "wrong" / "shop_median.py").read_text()


@pytest.fixture
def judged(recruiter, interviewer):
    """A submitted attempt at the modelling task, its answer judged by the worker's own function."""
    assessment = services.create_assessment("Forecasting", recruiter, time_limit_minutes=30)
    services.assign_reviewers(assessment, [interviewer], recruiter)
    services.set_items(assessment.latest, [services.ItemSpec("exercise", SLUG)], recruiter)
    services.publish(assessment.latest, recruiter)
    invitation, _ = services.invite(assessment.latest, "Ada", "ada@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    services.autosave(attempt, assessment.latest.items.get().pk, WRONG)
    services.submit(attempt)
    score = m.Score.objects.get(answer__attempt=attempt, primary=True)
    assert services.run_scoring(score.pk) == "done"
    score.refresh_from_db()
    return assessment, attempt, score


def _metric_rows(score: m.Score) -> tuple[dict, dict]:
    tests = score.evidence["tests"]
    public = next(t for t in tests if t["public"])
    hidden = next(t for t in tests if not t["public"])
    return public, hidden


def test_the_review_page_shows_the_metric_and_thresholds_and_a_candidate_page_never_does(
    client, judged, interviewer, django_user_model
):
    assessment, attempt, score = judged
    public, hidden = _metric_rows(score)
    assert hidden["metric"]["name"] == "MAE" and hidden["metric"]["value"] is not None
    assert (hidden["metric"]["none_at"], hidden["metric"]["full_at"]) == (700.0, 570.0)
    assert hidden["metric"]["credit"] < 1.0 and not hidden["passed"]  # the median misses the trend

    client.force_login(interviewer)
    page = client.get(f"/assessments/{assessment.pk}/attempts/{attempt.pk}/").content.decode()
    for test, where in ((public, "public"), (hidden, "hidden")):
        metric = test["metric"]
        assert escape(test["name"]) in page and f"({where}, " in page
        row = (
            f'<td class="metric-name">{metric["name"]}</td>'
            f'<td class="metric-value">{floatformat(metric["value"], 4)}</td>'
            f'<td class="metric-none-at">{metric["none_at"]:g}</td>'
            f'<td class="metric-full-at">{metric["full_at"]:g}</td>'
            f'<td class="metric-credit">{100 * metric["credit"]:.0f}%</td>'
        )
        assert row in page

    # The same code submitted on the practice page: the candidate's view of its judgement.
    person = django_user_model.objects.create_user("pat", password="pw-for-tests-only")
    client.force_login(person)
    queued = client.post(
        f"/practice/code/{SLUG}/run/",
        data=json.dumps({"content": WRONG, "kind": "submit"}),
        content_type="application/json",
    ).json()
    assert coding.run_practice(queued["run"]) == "done"
    shown = json.dumps(client.get(queued["poll"]).json())
    page = client.get(f"/practice/code/{SLUG}/").content.decode()
    assert "Hidden tests: 0 of 1 pass." in page
    value = hidden["metric"]["value"]
    for text in (shown, page):
        assert hidden["name"] not in text and escape(hidden["name"]) not in text
        assert (
            hidden["message"] not in text and f"{value:.3f}" not in text and floatformat(value, 4) not in text
        )
    assert '"metric"' not in shown  # nor the structured metric of any test
