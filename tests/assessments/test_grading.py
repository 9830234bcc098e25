"""Assessment answers through the grader seam: an item's kind picks the primary grader, whose
``Grade`` run_scoring stores (value, evidence, grader and version). The text answer is scored by
the real scorer and the code answer judged in the real sandbox."""

from __future__ import annotations

import pytest

from mlinterview.exercises import load_exercise
from mlinterview.exercises.grader import LOCAL_JUDGE, judge_version
from mlinterview.exercises.model import default_exercises_dir
from mlinterview.scoring import get_scorer, graders
from mlinterview.scoring.graders import GradeRequest
from mlinterview.web.assessments import exercises, grading, services
from mlinterview.web.assessments.errors import AssessmentError
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

QUESTION = "loss-function"
ROC_AUC = "roc-auc"
EXERCISES = default_exercises_dir()
ANSWER = (
    "A loss function measures how far a model's predictions are from the targets; training "
    "minimises it, e.g. cross-entropy for classification and squared error for regression."
)


@pytest.fixture
def fresh(monkeypatch) -> graders.Registry:
    """A fresh process registry, so the judge's registration is seen from the start."""
    registry = graders.default_registry()
    monkeypatch.setattr(graders, "registry", registry)
    return registry


@pytest.fixture
def answers(db, recruiter):
    """One submitted-to-be attempt holding a text answer and a code answer (the exercise's reference)."""
    import_small_bank([QUESTION])
    assessment = services.create_assessment("Mixed", recruiter, time_limit_minutes=30)
    specs = [services.ItemSpec("question", QUESTION), services.ItemSpec("exercise", ROC_AUC)]
    services.set_items(assessment.latest, specs, recruiter)
    services.publish(assessment.latest, recruiter)
    invitation, _ = services.invite(assessment.latest, "Ada", "ada@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    text, code = attempt.answers.select_related("item").order_by("item__position")
    services.autosave(attempt, text.item_id, ANSWER)
    services.autosave(attempt, code.item_id, load_exercise(EXERCISES / ROC_AUC).solution_source)
    text.refresh_from_db()
    code.refresh_from_db()
    return text, code


@pytest.mark.slow  # the real scorer: loads the sentence-transformer model
def test_a_text_answer_is_graded_by_the_primary_text_grader(fresh, answers):
    text, _ = answers
    grade = grading.grade_answer(text)
    question = grading.text_request(text.item.question_version.data, ANSWER).question
    expected = get_scorer().score(question, ANSWER).to_dict()
    assert grade.evidence == expected and grade.value == pytest.approx(expected["score"] / 5)
    assert (grade.grader, grade.version) == ("local-text", get_scorer().version)
    assert grading.primary_grader(text.item) == "local-text"
    assert fresh.names() == ["local-text"]  # a text answer needs no judge


@pytest.mark.sandbox
def test_a_code_answer_is_graded_by_the_judge_registered_on_first_use(fresh, answers):
    _, code = answers
    assert LOCAL_JUDGE not in fresh.names()
    grade = grading.grade_answer(code)
    assert fresh.names() == ["local-judge", "local-text"] and fresh.primary_for("code").name == LOCAL_JUDGE
    assert (grade.value, grade.grader, grade.version) == (1.0, LOCAL_JUDGE, judge_version())
    judged = exercises.judge(ROC_AUC, code.content)
    assert {k: v for k, v in grade.evidence.items() if k != "timings"} == {
        k: v for k, v in judged.items() if k != "timings"
    }
    again = grading.grade_answer(code)  # the judge is registered once, whatever the number of answers
    assert again.value == 1.0 and again.evidence["exercise"] == ROC_AUC
    assert fresh.names() == ["local-judge", "local-text"] and grading.primary_grader(code.item) == LOCAL_JUDGE


def test_an_unknown_exercise_is_the_assessments_own_error(fresh):
    with pytest.raises(AssessmentError, match="There is no coding exercise 'no-such-exercise'"):
        grading.grade_request(GradeRequest.code("no-such-exercise", "def f(): pass"))
