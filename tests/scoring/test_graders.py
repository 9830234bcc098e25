"""The grader seam: the registry's rules, and the local text grader's value, evidence and version.

The registry tests use small fake graders: what is under test is the registry itself (names,
primaries, refusals), not any grader's judgement. The local text grader is tested with a stub
scorer for the clamping and with the real scorer for the evidence.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, replace

import numpy as np
import pytest

from mlinterview.scoring import calibration, graders
from mlinterview.scoring.engine import RubricScore, scorer_version
from mlinterview.scoring.graders import (
    Grade,
    Grader,
    GradeRequest,
    GraderError,
    LocalTextGrader,
    Registry,
)
from mlinterview.scoring.reader import RULES_VERSION, shipped_version


@dataclass
class Fake:
    """Gives every answer the same value; records what it was asked."""

    name: str
    kinds: frozenset[str]
    value: float = 0.5
    version: str = "fake-1"

    def __post_init__(self) -> None:
        self.asked: list[GradeRequest] = []

    def grade(self, request: GradeRequest) -> Grade:
        self.asked.append(request)
        return Grade(
            value=self.value, evidence={"answer": request.answer}, grader=self.name, version=self.version
        )


TEXT = frozenset({"text"})
CODE = frozenset({"code"})


@pytest.fixture
def question(bank):
    return bank.get("k-fold-cross-validation")


@pytest.fixture
def fresh(monkeypatch) -> Registry:
    """The process registry swapped for a fresh default one (local text grader only) for one test."""
    registry = graders.default_registry()
    monkeypatch.setattr(graders, "registry", registry)
    return registry


# --- the registry ---------------------------------------------------------------------------------


def test_an_unknown_grader_name_is_refused_naming_the_registered_ones():
    registry = Registry()
    registry.register(Fake("second-opinion", TEXT))
    with pytest.raises(GraderError, match=r"There is no grader named 'nobody'; registered: second-opinion\."):
        registry.get("nobody")
    with pytest.raises(GraderError, match="There is no grader named 'nobody'"):
        registry.unregister("nobody")
    with pytest.raises(GraderError, match="There is no grader named 'nobody'"):
        registry.grade(GradeRequest(kind="text", answer="a", question=object()), grader="nobody")


def test_an_unknown_kind_is_refused_everywhere():
    registry = Registry()
    with pytest.raises(GraderError, match=r"Unknown answer kind 'essay'; the kinds are text, code\."):
        registry.primary_for("essay")
    with pytest.raises(GraderError, match="Unknown answer kind 'essay'"):
        GradeRequest(kind="essay", answer="a")
    with pytest.raises(GraderError, match="Unknown answer kind 'essay'"):
        registry.register(Fake("essayist", frozenset({"text", "essay"})))
    with pytest.raises(GraderError, match="grades no kind of answer"):
        registry.register(Fake("idle", frozenset()))
    assert registry.names() == []


def test_each_kind_has_its_own_primary_and_a_later_primary_replaces_the_earlier():
    registry = Registry()
    first, both, second = Fake("first", TEXT), Fake("both", TEXT | CODE), Fake("second", TEXT)
    registry.register(first, primary=True)
    with pytest.raises(GraderError, match=r"No grader is registered as primary for 'code' answers\."):
        registry.primary_for("code")
    registry.register(both)  # registered, but not primary for anything
    assert registry.primary_for("text") is first
    with pytest.raises(GraderError, match="primary for 'code'"):
        registry.primary_for("code")
    registry.register(Fake("code-only", CODE), primary=True)
    assert registry.primary_for("code").name == "code-only" and registry.primary_for("text") is first
    registry.register(second, primary=True)
    assert registry.primary_for("text") is second and registry.primary_for("code").name == "code-only"
    assert registry.names() == ["both", "code-only", "first", "second"]
    # Removing the primary leaves its kind without one; the others keep theirs.
    assert registry.unregister("second") is second
    with pytest.raises(GraderError, match="primary for 'text'"):
        registry.primary_for("text")
    assert registry.primary_for("code").name == "code-only" and registry.get("first") is first


def test_a_grader_of_two_kinds_registered_primary_is_primary_for_both():
    registry = Registry()
    both = Fake("both", TEXT | CODE)
    registry.register(both, primary=True)
    assert registry.primary_for("text") is both and registry.primary_for("code") is both


def test_a_name_is_registered_once():
    registry = Registry()
    original = Fake("twin", TEXT, value=0.25)
    registry.register(original, primary=True)
    for again in (Fake("twin", CODE, value=0.75), original):
        with pytest.raises(GraderError, match=r"A grader named 'twin' is already registered\."):
            registry.register(again, primary=True)
    assert registry.get("twin") is original and registry.primary_for("text") is original
    with pytest.raises(GraderError, match="primary for 'code'"):
        registry.primary_for("code")  # the refused registration changed nothing


def test_grading_picks_the_primary_or_the_named_grader_for_its_kind():
    registry = Registry()
    primary, other, coder = Fake("primary", TEXT, 0.25), Fake("other", TEXT, 0.75), Fake("coder", CODE)
    for grader, is_primary in ((primary, True), (other, False), (coder, True)):
        registry.register(grader, primary=is_primary)
    request = GradeRequest(kind="text", answer="an answer", question=object())
    assert registry.grade(request).grader == "primary" and primary.asked == [request]
    assert registry.grade(request, grader="other").value == 0.75 and other.asked == [request]
    with pytest.raises(GraderError, match=r"Grader 'coder' does not grade 'text' answers\."):
        registry.grade(request, grader="coder")
    assert coder.asked == []


def test_a_request_names_what_it_answers_and_a_grade_stays_on_the_scale(question):
    with pytest.raises(GraderError, match="graded against a question"):
        GradeRequest(kind="text", answer="a")
    with pytest.raises(GraderError, match="graded against an exercise"):
        GradeRequest(kind="code", answer="def f(): pass")
    assert GradeRequest.text(question, "a") == GradeRequest(kind="text", answer="a", question=question)
    assert GradeRequest.code("roc-auc", "src") == GradeRequest(kind="code", answer="src", exercise="roc-auc")
    for value in (-0.01, 1.01, float("nan")):
        with pytest.raises(GraderError, match="outside the scale 0..1"):
            Grade(value=value, evidence={}, grader="g", version="1")
    grade = Grade(value=1.0, evidence={"k": [1]}, grader="g", version="1")
    assert grade.to_dict() == {"value": 1.0, "grader": "g", "version": "1", "evidence": {"k": [1]}}


def test_a_fake_grader_registered_in_the_process_registry_round_trips(fresh, question):
    fake = Fake("second-opinion", TEXT, value=0.4, version="so-2")
    assert graders.names() == ["local-text"]
    graders.register(fake)
    assert graders.names() == ["local-text", "second-opinion"] and graders.get("second-opinion") is fake
    assert isinstance(fake, Grader) and isinstance(graders.get("local-text"), Grader)
    assert graders.primary_for("text").name == "local-text"  # a second opinion does not take over
    grade = graders.grade(GradeRequest.text(question, "my answer"), grader="second-opinion")
    assert grade == Grade(
        value=0.4, evidence={"answer": "my answer"}, grader="second-opinion", version="so-2"
    )
    assert graders.unregister("second-opinion") is fake and graders.names() == ["local-text"]


# --- the local text grader ------------------------------------------------------------------------


class StubScorer:
    """Returns a fixed 0-5 score; stands in for the model where only the arithmetic is tested."""

    version = "stub-7"

    def __init__(self, score: float) -> None:
        self.result = RubricScore(
            slug="s", score=score, band=0, key_points=[], misconceptions=[], confidence=0.5, feedback="f"
        )

    def score(self, question, answer):
        return self.result


@pytest.mark.parametrize(
    ("score", "value"), [(0.0, 0.0), (2.5, 0.5), (4.0, 0.8), (5.0, 1.0), (6.5, 1.0), (-1.0, 0.0)]
)
def test_the_local_grader_scales_the_score_to_0_1_and_clamps_it(question, score, value):
    stub = StubScorer(score)
    grade = LocalTextGrader(scorer=lambda: stub).grade(GradeRequest.text(question, "an answer"))
    assert grade == Grade(value=value, evidence=stub.result.to_dict(), grader="local-text", version="stub-7")


def test_the_local_grader_refuses_code(question):
    grader = LocalTextGrader(scorer=lambda: pytest.fail("no scorer is needed to refuse"))
    with pytest.raises(GraderError, match="grades text answers only"):
        grader.grade(GradeRequest.code("roc-auc", "def f(): pass"))


def test_the_local_version_names_the_shipped_reader_without_loading_it():
    grader = LocalTextGrader(scorer=lambda: pytest.fail("the version must not load the scorer"))
    assert grader.version == shipped_version()
    assert grader.version.startswith("reader-") and grader.version.endswith(f"+{RULES_VERSION}")


def test_the_similarity_version_names_the_calibration_and_changes_with_it():
    shipped = calibration.load()
    retrained = replace(shipped, coef=shipped.coef + 1e-6)
    more_data = replace(shipped, trained_on={**shipped.trained_on, "datasets": {"more": 1}})
    versions = {scorer_version(model) for model in (shipped, retrained, more_data)}
    assert len(versions) == 3
    assert scorer_version(shipped) == scorer_version(calibration.load())  # stable across loads
    assert scorer_version(shipped).startswith(f"calibration-{shipped.fingerprint()}+encoder-")
    assert scorer_version(replace(shipped, coef=np.array(shipped.coef))) == scorer_version(shipped)
    # Before grading, the version is read from the shipped calibration without making a scorer.
    grader = graders.similarity_grader()
    assert grader.name == "local-similarity" and grader.version == scorer_version(shipped)


def test_the_registered_local_grader_is_the_scorer_as_it_was(fresh, scorer, question):
    answer = question.reference_answer
    grade = graders.grade(GradeRequest.text(question, answer))
    expected = scorer.score(question, answer).to_dict()
    assert grade.evidence == expected
    assert grade.value == pytest.approx(min(1.0, max(0.0, expected["score"] / 5))) and grade.value > 0.5
    assert (grade.grader, grade.version) == ("local-text", scorer.version)
    assert graders.primary_for("text").version == scorer.version == shipped_version()


def test_importing_the_seam_loads_no_model():
    code = (
        "import sys\n"
        "from mlinterview.scoring import graders\n"
        "assert graders.names() == ['local-text'] and graders.primary_for('text').version\n"
        "print(sorted(m for m in ('sentence_transformers', 'torch') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
