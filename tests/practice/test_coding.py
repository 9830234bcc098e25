"""Coding practice (issue 18, point 3): the exercises on offer (filtered by kind and skill, never one
held back for a live assessment), the code saved as it is typed, runs rationed by the assessments'
own rule, and submissions judged by the same judge with the hidden tests shown only as counts.

The worker's side is called directly (``coding.run_practice``) or played by setting a run's
status and times, as a worker would; nothing is mocked."""

from __future__ import annotations

import json
from datetime import timedelta
from html import escape

import pytest
from django.utils import timezone

from mlinterview.exercises import load_exercise
from mlinterview.exercises.model import default_exercises_dir
from mlinterview.web.assessments import exercises
from mlinterview.web.assessments import services as assessment_services
from mlinterview.web.practice import coding
from mlinterview.web.practice.models import PracticeCode, PracticeRun

pytestmark = pytest.mark.django_db

ROC_AUC, LRU = "roc-auc", "lru-cache"
ROC_TITLE, LRU_TITLE = "ROC AUC with ties", "LRU cache for model predictions"
CODE = "def roc_auc(y_true, scores):\n    return 0.5  # <my first try>\n"


@pytest.fixture
def person(client, django_user_model):
    """A signed-in practice account (not staff)."""
    user = django_user_model.objects.create_user("pat", password="pw-for-tests-only")
    client.force_login(user)
    return user


def _run(client, slug: str, content: str, kind: str = "examples"):
    return client.post(
        f"/practice/code/{slug}/run/",
        data=json.dumps({"content": content, "kind": kind}),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )


def _finish(run_id: int, seconds_ago: float) -> None:
    """What a worker does at the end of a run, ``seconds_ago`` seconds in the past."""
    at = timezone.now() - timedelta(seconds=seconds_ago)
    PracticeRun.objects.filter(pk=run_id).update(
        status=PracticeRun.Status.DONE, created_at=at, started_at=at, finished_at=at
    )


def test_the_list_shows_exercises_by_title_and_filters_by_kind_and_skill(client, person):
    everything = client.get("/practice/code/").content.decode()
    assert ROC_TITLE in everything and LRU_TITLE in everything
    algorithms = client.get("/practice/code/?kind=algorithms").content.decode()
    assert LRU_TITLE in algorithms and ROC_TITLE not in algorithms
    evaluation = client.get("/practice/code/?skill=model-evaluation").content.decode()
    assert ROC_TITLE in evaluation and LRU_TITLE not in evaluation
    both = client.get("/practice/code/?kind=modelling&skill=model-evaluation").content.decode()
    assert ROC_TITLE not in both and "Predict which subscribers will cancel next month" in both
    assert '<option value="modelling" selected>' in both  # the filter stays chosen


def test_an_exercise_in_a_live_assessment_is_never_offered(client, person, django_user_model):
    rita = django_user_model.objects.create_user("rita", is_staff=True)
    assessment = assessment_services.create_assessment("Live", rita, time_limit_minutes=30)
    assessment_services.set_items(
        assessment.latest, [assessment_services.ItemSpec("exercise", ROC_AUC)], rita
    )
    assessment_services.publish(assessment.latest, rita)
    assert f'href="/practice/code/{ROC_AUC}/"' in client.get("/practice/code/").content.decode()
    invitation, _ = assessment_services.invite(assessment.latest, "Ada", "ada@example.com", rita)

    assert f'href="/practice/code/{ROC_AUC}/"' not in client.get("/practice/code/").content.decode()
    assert ROC_TITLE not in client.get("/practice/code/?skill=model-evaluation").content.decode()
    assert client.get(f"/practice/code/{ROC_AUC}/").status_code == 404
    assert _run(client, ROC_AUC, CODE).status_code == 404
    assert _run(client, ROC_AUC, CODE, kind="submit").status_code == 404
    saved = client.post(f"/practice/code/{ROC_AUC}/save/", {"content": CODE})
    assert saved.status_code == 404 and not PracticeCode.objects.exists() and not PracticeRun.objects.exists()

    # Once the only candidate has submitted, the exercise is offered again.
    assessment_services.submit(assessment_services.start_attempt(invitation))
    assert client.get(f"/practice/code/{ROC_AUC}/").status_code == 200


def test_code_typed_is_saved_and_shown_again_instead_of_the_starter(client, person):
    starter = exercises.public_exercise(ROC_AUC)["starter"]
    assert escape(starter) in client.get(f"/practice/code/{ROC_AUC}/").content.decode()
    saved = client.post(
        f"/practice/code/{ROC_AUC}/save/", data=json.dumps({"content": CODE}), content_type="application/json"
    )
    assert saved.status_code == 200 and saved.json() == {"saved": True}
    page = client.get(f"/practice/code/{ROC_AUC}/").content.decode()
    assert escape(CODE) in page and escape(starter) not in page
    # A run saves the code too, and a form posted without JavaScript does.
    _run(client, ROC_AUC, CODE + "# run\n")
    assert coding.saved_code(person, ROC_AUC) == CODE + "# run\n"
    client.post(f"/practice/code/{ROC_AUC}/save/", {"content": CODE + "# form\n"})
    assert coding.saved_code(person, ROC_AUC) == CODE + "# form\n"


def test_runs_are_rationed_by_the_assessments_rule_submissions_included(client, person, settings):
    settings.MLINTERVIEW_TRIAL_COOLDOWN_SECONDS = 5
    settings.MLINTERVIEW_TRIAL_RUNS_PER_ITEM = 2
    first = _run(client, ROC_AUC, CODE)
    assert first.status_code == 202 and first.json()["status"] == "pending"
    # One in flight: asking again returns it; another kind of run waits for it.
    assert _run(client, ROC_AUC, CODE).json()["run"] == first.json()["run"]
    assert _run(client, ROC_AUC, CODE, kind="submit").status_code == 429

    _finish(first.json()["run"], seconds_ago=1)
    refused = _run(client, ROC_AUC, CODE, kind="submit")
    assert refused.status_code == 429 and refused["Retry-After"] == "4"  # 5 s cooldown, 1 s past
    assert "Try again in 4 seconds" in refused.json()["error"]

    _finish(first.json()["run"], seconds_ago=60)
    second = _run(client, ROC_AUC, CODE, kind="submit")
    assert second.status_code == 202
    _finish(second.json()["run"], seconds_ago=60)
    capped = _run(client, ROC_AUC, CODE)
    assert capped.status_code == 429 and capped.json()["retry_after"] is None
    assert "all 2 runs" in capped.json()["error"] and "submission counts" in capped.json()["error"]
    # The cap is per exercise; the code was saved all the same.
    assert _run(client, LRU, "class LRUCache: pass\n").status_code == 202
    assert coding.saved_code(person, ROC_AUC) == CODE


def test_another_persons_run_cannot_be_read(client, person, django_user_model):
    run = _run(client, ROC_AUC, CODE).json()
    other = django_user_model.objects.create_user("sam", password="pw-for-tests-only")
    client.force_login(other)
    assert client.get(run["poll"]).status_code == 404


@pytest.mark.sandbox
def test_a_submission_is_judged_by_the_judge_and_shows_hidden_tests_only_as_counts(client, person):
    wrong = (default_exercises_dir() / ROC_AUC / "wrong" / "no_single_class_check.py").read_text()
    queued = _run(client, ROC_AUC, wrong, kind="submit").json()
    assert coding.run_practice(queued["run"]) == "done"
    assert coding.run_practice(queued["run"]) == "already done"
    shown = client.get(queued["poll"]).json()

    judged = exercises.judge(ROC_AUC, wrong)  # what an assessment's answer would get
    public = [t for t in judged["tests"] if t["public"]]
    hidden = [t for t in judged["tests"] if not t["public"]]
    assert 0 < sum(t["passed"] for t in hidden) < len(hidden)  # a wrong solution: some hidden fail
    assert shown["hidden"] == {"passed": sum(t["passed"] for t in hidden), "total": len(hidden)}
    assert [t["name"] for t in shown["tests"]] == [t["name"] for t in public]

    page = client.get(f"/practice/code/{ROC_AUC}/").content.decode()
    assert f"Hidden tests: {shown['hidden']['passed']} of {len(hidden)} pass." in page
    exercise = load_exercise(default_exercises_dir() / ROC_AUC)
    for case in exercise.cases:
        if not case.public:
            assert case.name not in json.dumps(shown) and escape(case.name) not in page
