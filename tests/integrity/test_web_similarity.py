"""The similarity check in the web app, on real answers: copies across two assessments of the
organisation are flagged (a renamed-variable code copy, a reordered-sentence text copy, a leak
of our reference), independent answers are not, each answer is checked once, the index is used
instead of all pairs, and the review page and the shortlist show the flags without telling who
the other candidate is, nor the other answer to a reviewer who may not open its assessment.

The check is called in-process on a real database, as the scoring job calls it (``index_answer``),
and once through the real scoring job with the real scorer."""

from __future__ import annotations

import importlib
import random

import pytest
import yaml
from django.utils.html import escape

from mlinterview import REPO_DIR
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.integrity import index
from mlinterview.web.integrity.index import index_answer
from mlinterview.web.integrity.models import Finding, IndexedAnswer
from tests.assessments.small_bank import import_small_bank
from tests.bench.test_similarity_bench import bench
from tests.integrity.disguise import disguise_code, disguise_text, rename_identifiers

pytestmark = pytest.mark.django_db

QUESTION, EXERCISE = "loss-function", "merge-intervals"
CONTENT = REPO_DIR / "content"
[GRADED] = list((CONTENT / "graded").glob(f"*/{QUESTION}.yaml"))
ANSWERS = {a["id"]: a["text"] for a in yaml.safe_load(GRADED.read_text(encoding="utf-8"))["answers"]}
ORIGINAL = ANSWERS["strong-loss-cost-metric"]
OWN = ANSWERS["plain-words-one-vs-all"]  # another writer's answer to the same question
SHORT = ANSWERS["partial-loss-vs-cost"]
# SHORT reworded sentence by sentence, written for this test: few shared five-word runs, the
# same meaning (the embeddings' cosine is 0.96).
REWORDED = (
    "The loss is the error on one single sample, while the cost is the loss averaged over the whole "
    "dataset plus a regularisation term, and that is what the optimiser minimises. For regression use "
    "MSE, MAE or Huber; because MSE squares the errors it is the most affected by outliers, MAE is the "
    "least, and Huber lies in between."
)
FOLDER = CONTENT / "exercises" / EXERCISE
WRONG = (FOLDER / "wrong" / "input_order.py").read_text(encoding="utf-8")
SOLUTION = (FOLDER / "solution.py").read_text(encoding="utf-8")
INDEPENDENT = REPO_DIR / "tests" / "integrity" / "independent" / EXERCISE


def _screen(recruiter, title: str, reviewers=()) -> m.AssessmentVersion:
    assessment = services.create_assessment(title, recruiter, time_limit_minutes=30)
    if reviewers:
        services.assign_reviewers(assessment, list(reviewers), recruiter)
    items = [services.ItemSpec("question", QUESTION), services.ItemSpec("exercise", EXERCISE)]
    services.set_items(assessment.latest, items, recruiter)
    services.publish(assessment.latest, recruiter)
    return assessment.latest


@pytest.fixture
def screens(db, recruiter, interviewer):
    """Two assessments of the organisation asking the same two items; Ivan reviews only the first."""
    import_small_bank([QUESTION])
    return _screen(recruiter, "Screen A", [interviewer]), _screen(recruiter, "Screen B")


def _submitted(version, recruiter, name: str, text: str, code: str) -> m.Attempt:
    invitation, _ = services.invite(version, name, f"{name.replace(' ', '.').lower()}@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    for answer in attempt.answers.select_related("item"):
        services.autosave(attempt, answer.item_id, code if answer.item.kind == "exercise" else text)
    services.submit(attempt)
    return attempt


def _answer(attempt: m.Attempt, kind: str) -> m.Answer:
    return attempt.answers.get(item__kind=kind)


def _check(*attempts: m.Attempt) -> int:
    """What the scoring job does for each answer once its primary score is done; pairs checked."""
    checked = 0
    for attempt in attempts:
        for answer in attempt.answers.order_by("pk"):
            checked += index_answer(answer.pk).checked
    return checked


def _findings() -> set[tuple[int, int | None, str]]:
    return set(Finding.objects.values_list("answer_id", "other_id", "kind"))


@pytest.fixture
def submitted(screens, recruiter):
    """Ada, Cy and Fay (A) write their own answers; Bob (B) copies Ada's, disguised; Dee (B)
    hands in our reference answer and reference solution, disguised; Eve (B) rewords Fay's
    written answer and writes her own code. Nothing is checked yet."""
    a, b = screens
    ada = _submitted(a, recruiter, "Ada Lovelace", ORIGINAL, WRONG)
    cy = _submitted(a, recruiter, "Cy Young", OWN, (INDEPENDENT / "a.py").read_text(encoding="utf-8"))
    bob = _submitted(
        b, recruiter, "Bob Builder", disguise_text(ORIGINAL, seed=3), disguise_code(WRONG, seed=3)
    )
    reference = a.items.get(kind="question").question_version.data["reference_answer"]
    dee = _submitted(b, recruiter, "Dee Dee", reference, rename_identifiers(SOLUTION, seed=9))
    fay = _submitted(a, recruiter, "Fay Wray", SHORT, (INDEPENDENT / "b.py").read_text(encoding="utf-8"))
    eve = _submitted(b, recruiter, "Eve Arden", REWORDED, (INDEPENDENT / "c.py").read_text(encoding="utf-8"))
    return {"ada": ada, "bob": bob, "cy": cy, "dee": dee, "fay": fay, "eve": eve}


@pytest.fixture
def world(submitted):
    """The six candidates, each answer checked alone, in turn."""
    _check(*submitted.values())
    return submitted


def _expected(world) -> set[tuple[int, int | None, str]]:
    ada, bob, dee, fay, eve = (world[k] for k in ("ada", "bob", "dee", "fay", "eve"))
    text, code = (
        (_answer(ada, "question").pk, _answer(bob, "question").pk),
        (
            _answer(ada, "exercise").pk,
            _answer(bob, "exercise").pk,
        ),
    )
    expected = {
        (text[0], text[1], "text"),
        (text[1], text[0], "text"),
        (code[0], code[1], "code"),
        (code[1], code[0], "code"),
        (_answer(dee, "question").pk, None, "reference"),
        (_answer(dee, "exercise").pk, None, "reference"),
        (_answer(fay, "question").pk, _answer(eve, "question").pk, "paraphrase"),
        (_answer(eve, "question").pk, _answer(fay, "question").pk, "paraphrase"),
    }
    return expected


def test_copies_and_leaks_are_flagged_once_and_independent_answers_are_not(world):
    bob = world["bob"]
    text = (_answer(world["ada"], "question").pk, _answer(bob, "question").pk)
    expected = _expected(world)
    assert _findings() == expected  # nothing about Cy, nor about the code of Fay and Eve
    # The passages are the same words (code: the same normalised tokens) in both answers.
    row = Finding.objects.get(answer_id=text[1], kind="text")
    copy = _answer(bob, "question").content
    assert row.passages and all(
        0 <= s < e <= len(copy) and 0 <= os < oe <= len(ORIGINAL) for s, e, os, oe in row.passages
    )
    assert sum(e - s for s, e, _, _ in row.passages) > len(copy) / 3
    # Run again (a retried job, a second worker): nothing new, nothing checked.
    assert _check(*world.values()) == 0
    assert _findings() == expected
    assert IndexedAnswer.objects.count() == 12


def test_a_batch_of_answers_gives_the_findings_of_one_at_a_time(submitted, screens, recruiter):
    """``index_answers`` (the migration's way) checks the answers in the order given, each
    reading only the embeddings stored since the one before: Fay's answer comes before Dee's
    and Eve's, and Eve's must find Fay's rewording in what was read for Dee. An attempt still in
    progress is left alone."""
    unfinished = services.start_attempt(
        services.invite(screens[0], "Gil Scott", "gil@example.com", recruiter)[0]
    )
    services.autosave(unfinished, unfinished.answers.get(item__kind="question").item_id, ORIGINAL)
    order = [submitted[k] for k in ("ada", "cy", "bob", "fay", "dee", "eve")] + [unfinished]
    ids = [a.pk for attempt in order for a in attempt.answers.order_by("item__kind")]
    assert index.index_answers(ids).answers == 12
    assert _findings() == _expected(submitted)
    assert index.index_answers(ids).answers == 0  # and Gil's answers wait for his submission


def test_the_check_looks_up_the_index_instead_of_every_answer(screens, recruiter):
    """Sixty candidates on one exercise (bench/similarity.py's generator: our reference, renamed,
    commented and written each its own way) and one planted copy of an independent solution: the
    copy is found, and the answers checked exactly are a handful, not the earlier answers."""
    a, _ = screens
    sources, _, _, _ = bench.code_answers(EXERCISE, 60, random.Random(3))
    independent = (INDEPENDENT / "a.py").read_text(encoding="utf-8")
    sources[10], sources[50] = independent, disguise_code(independent, seed=50)
    attempts = [_submitted(a, recruiter, f"Person {i}", f"Answer {i}", src) for i, src in enumerate(sources)]
    checked = _check(*attempts)
    assert checked <= 10, checked  # of 60 * 59 / 2 = 1,770 pairs on the exercise
    copy, original = _answer(attempts[50], "exercise").pk, _answer(attempts[10], "exercise").pk
    assert set(Finding.objects.filter(kind="code").values_list("answer_id", "other_id")) == {
        (copy, original),
        (original, copy),
    }
    # The generator's answers are our reference in disguise: each is flagged as such, not as a pair.
    assert Finding.objects.filter(kind="reference").count() >= 50


def _page(client, attempt: m.Attempt) -> str:
    response = client.get(f"/assessments/{attempt.invitation.version.assessment_id}/attempts/{attempt.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_pages_show_the_flags_with_both_answers_to_those_who_may_see_them(
    client, world, recruiter, interviewer
):
    """The review page shows both answers with the passages marked, the other candidate by alias
    only; a reviewer who may not open the other assessment sees neither its answer nor its
    alias; the shortlist marks the flagged attempts. One world for the three (it is costly)."""
    client.force_login(recruiter)
    page = _page(client, world["ada"])
    bob = world["bob"].invitation.candidate
    assert "<mark>" in page and "Similar answers" in page
    assert bob.alias in page and "Screen B" in page  # the other answer, under its alias
    assert bob.name not in page and bob.email not in page
    unmarked = page.replace("<mark>", "").replace("</mark>", "")
    assert escape(_answer(world["bob"], "question").content[:80]) in unmarked  # side by side
    marked = page.split("<mark>", 1)[1].split("</mark>", 1)[0]
    assert len(marked) > 20
    assert "not a verdict" in page
    # The leak of our reference is shown against the reference answer.
    leak = _page(client, world["dee"])
    assert "Is close to our reference answer" in leak and "<mark>" in leak
    # Cy's answers resemble nothing.
    assert "Similar answers" not in _page(client, world["cy"])
    # Ivan reviews Screen A only: Bob's answer (Screen B) is not his to read.
    client.force_login(interviewer)  # assigned to Screen A only
    page = _page(client, world["ada"])
    bob_answer = _answer(world["bob"], "question").content
    assert "an answer in another assessment" in page.lower()
    assert escape(bob_answer[:80]) not in page.replace("<mark>", "").replace("</mark>", "")
    assert world["bob"].invitation.candidate.alias not in page and "Screen B" not in page
    assert "<mark>" in page  # Ada's own passages are still marked
    # The shortlist of Screen A.
    client.force_login(recruiter)
    a = world["ada"].invitation.version.assessment_id
    page = client.get(f"/assessments/{a}/shortlist/").content.decode()
    assert f'href="/assessments/{a}/attempts/{world["ada"].pk}/">⚑ 2 answers resemble others' in page
    assert f'href="/assessments/{a}/attempts/{world["fay"].pk}/">⚑ 1 answer resembles others' in page
    assert page.count("similarity-mark") == 2  # Cy's row has no mark


@pytest.mark.slow  # the real scorer: loads the sentence-transformer model
def test_the_scoring_job_runs_the_check_once_the_score_is_done(screens, recruiter):
    a, b = screens
    ada = _submitted(a, recruiter, "Ada Lovelace", ORIGINAL, WRONG)
    _check(ada)
    bob = _submitted(b, recruiter, "Bob Builder", disguise_text(ORIGINAL, seed=5), WRONG)
    score = _answer(bob, "question").scores.get(primary=True)
    assert services.run_scoring(score.pk) == "done"
    mine, theirs = _answer(bob, "question").pk, _answer(ada, "question").pk
    assert {(mine, theirs, "text"), (theirs, mine, "text")} <= _findings()


def test_the_migration_indexes_the_answers_submitted_before_it(screens, recruiter):
    from django.apps import apps

    migration = importlib.import_module("mlinterview.web.integrity.migrations.0002_index_submitted_answers")
    a, b = screens
    ada = _submitted(a, recruiter, "Ada Lovelace", ORIGINAL, WRONG)
    bob = _submitted(
        b, recruiter, "Bob Builder", disguise_text(ORIGINAL, seed=8), disguise_code(WRONG, seed=8)
    )
    migration.index_submitted_answers(apps, None)  # today's models stand for the migration's
    pairs = {
        (_answer(ada, k).pk, _answer(bob, k).pk, kind)
        for k, kind in (("question", "text"), ("exercise", "code"))
    }
    assert _findings() == pairs | {(o, n, kind) for n, o, kind in pairs}
    assert IndexedAnswer.objects.count() == 4
