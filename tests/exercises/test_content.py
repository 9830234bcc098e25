"""Every exercise, judged for real in the sandbox: references score 100%, wrong solutions do not, and
the hidden tests hold the edge cases each statement promises."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from mlinterview.exercises import load_exercises
from mlinterview.exercises.model import ExerciseError, load_exercise
from mlinterview.exercises.sandboxcheck import sandbox_problems
from mlinterview.exercises.selfcheck import check_exercise, self_check

pytestmark = pytest.mark.sandbox
SLUGS = [e.slug for e in load_exercises()]


def test_there_are_at_least_fifteen_exercises():
    assert len(SLUGS) >= 15, SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_the_content_checks_out_and_the_sandbox_agrees(judge, exercises, slug):
    """One pass per exercise, every solution run once in the parent and once in the sandbox: the
    checks of ``mlinterview exercises check --sandbox``.

    In the parent: the content check passes (it includes that each edge case the statement promises
    is the input of a hidden test, not only of a public example a candidate can copy the answer of)
    and says which hidden tests each wrong solution fails. In the sandbox, where the reference and
    the wrong solutions are judged side by side: the reference scores full marks; each wrong solution
    runs to the end, fails at least one hidden test because of its answer, and fails exactly the
    hidden tests the parent found it fails (``sandboxcheck.sandbox_problems``)."""
    exercise = exercises[slug]
    check = self_check(exercise)
    assert check.problems == []
    hidden = [c for c in exercise.cases if not c.public]
    # A modelling task's hidden test is a whole dataset; a function's are single calls.
    assert len(hidden) >= (1 if exercise.meta.kind == "modelling" else 4)
    assert len(exercise.wrong) >= 2
    assert sandbox_problems(exercise, judge, check) == []


# -- the content check fires on broken content (it is never silent only because the content is good) --
@pytest.fixture
def roc_copy(exercises, tmp_path):
    folder = tmp_path / "roc-auc"
    shutil.copytree(exercises["roc-auc"].folder, folder)
    return folder


def test_the_content_check_names_a_wrong_solution_that_passes_every_hidden_test(exercises, roc_copy):
    (roc_copy / "wrong" / "actually_right.py").write_text(exercises["roc-auc"].solution_source)
    assert check_exercise(load_exercise(roc_copy)) == [
        "roc-auc: wrong solution 'actually_right' passes every hidden test"
    ]


def test_the_content_check_names_a_wrong_solution_that_fails_only_public_tests(exercises, roc_copy):
    # Right on every hidden test, wrong on the public examples only: still a useless wrong solution.
    public = [list(c.args[1]) for c in exercises["roc-auc"].cases if c.public]
    source = exercises["roc-auc"].solution_source + (
        f"\n_right = roc_auc\n\ndef roc_auc(y_true, scores):\n"
        f"    return -1.0 if list(scores) in {public!r} else _right(y_true, scores)\n"
    )
    (roc_copy / "wrong" / "public_only.py").write_text(source)
    assert check_exercise(load_exercise(roc_copy)) == [
        "roc-auc: wrong solution 'public_only' passes every hidden test"
    ]


def test_the_content_check_names_missing_wrong_solutions_and_tests_all_public(roc_copy):
    shutil.rmtree(roc_copy / "wrong")
    tests = roc_copy / "tests.py"
    tests.write_text(
        tests.read_text() + "\n\n_cases = cases\n\n\ndef cases():\n"
        "    import dataclasses\n\n    return [dataclasses.replace(c, public=True) for c in _cases()]\n"
    )
    exercise = load_exercise(roc_copy)
    problems = check_exercise(exercise)
    # With no hidden test left, no edge case is covered either.
    assert problems == [
        "roc-auc: no wrong solutions",
        "roc-auc: needs both public and hidden tests",
        *(f"roc-auc: no hidden test with edge case {name!r}" for name in exercise.edges),
    ]


def test_the_content_check_names_an_edge_case_no_hidden_test_has(roc_copy):
    edges = roc_copy / "edges.py"
    edges.write_text(
        edges.read_text()
        + '\nEDGES["a thousand scores"] = answered(args(lambda y, scores: len(scores) == 1000))\n'
    )
    assert check_exercise(load_exercise(roc_copy)) == [
        "roc-auc: no hidden test with edge case 'a thousand scores'"
    ]


def test_the_content_check_names_an_edge_case_only_a_public_example_has(exercises, roc_copy):
    public = [list(c.args[1]) for c in exercises["roc-auc"].cases if c.public][0]
    edges = roc_copy / "edges.py"
    edges.write_text(
        edges.read_text()
        + f"\nEDGES['the first example'] = args(lambda y, scores: list(scores) == {public!r})\n"
    )
    assert check_exercise(load_exercise(roc_copy)) == [
        "roc-auc: no hidden test with edge case 'the first example'"
    ]


def test_the_content_check_names_an_exercise_without_edge_cases(roc_copy):
    (roc_copy / "edges.py").write_text("EDGES = {}\n")
    assert check_exercise(load_exercise(roc_copy)) == ["roc-auc: declares no edge cases"]


def test_an_exercise_without_edges_py_does_not_load(roc_copy):
    (roc_copy / "edges.py").unlink()
    with pytest.raises(ExerciseError) as caught:
        load_exercise(roc_copy)
    assert caught.value.problems == [(str(roc_copy / "edges.py"), "", "file is missing")]


# -- the sandbox check fires too (what `mlinterview exercises check --sandbox` reports) ----------------
def test_the_sandbox_check_names_a_reference_short_of_full_marks(judge, exercises, roc_copy):
    (roc_copy / "solution.py").write_text("def roc_auc(y_true, scores):\n    return 0.5\n")
    copy = load_exercise(roc_copy)
    problems = sandbox_problems(copy, judge, self_check(exercises["roc-auc"]))
    assert problems and problems[0].startswith("roc-auc: the reference scores ")
    assert "wrong value" in problems[0]


def test_the_sandbox_check_names_a_wrong_solution_the_two_judges_disagree_on(judge, exercises):
    exercise = exercises["roc-auc"]
    check = self_check(exercise)
    name = next(iter(exercise.wrong))
    told = dataclasses.replace(check, failures={**check.failures, name: {"a test it does not fail"}})
    problems = sandbox_problems(exercise, judge, told)
    assert problems == [
        f"roc-auc: wrong solution {name!r} fails {sorted(check.failures[name])} in the sandbox but "
        "['a test it does not fail'] in the parent"
    ]
