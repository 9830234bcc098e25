"""The frozen evaluation split (content/evaluation/): stratified, frozen, and never leaking into
training content (issue 13). Also the labels graded answers carry for the scorer's training:
contradicted key points, stated misconceptions and a second reader's blind grade."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from mlinterview import REPO_DIR
from mlinterview.bank import BankError, load_bank
from mlinterview.bank.evaluation import choose_held_out, folded, stratum_shares
from tests.bank.test_graded_answers import SLUG, answer, graded_file, write_graded
from tests.shipped import shipped_bank

# Files that the scorer learns from or uses as evidence. No evaluation answer may appear in them.
TRAINING_FILES = [
    *sorted((REPO_DIR / "content" / "graded").rglob("*.yaml")),
    *sorted((REPO_DIR / "content" / "claims").rglob("*.yaml")),
    *sorted(p for p in (REPO_DIR / "mlinterview" / "scoring" / "artifacts").rglob("*") if p.is_file()),
]


@pytest.fixture(scope="module")
def bank():
    return shipped_bank()


def write_split(root: Path, held_out: list[str]) -> None:
    path = root / "evaluation" / "split.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"fraction": 0.2, "seed": 1, "method": "test", "held_out": held_out}
    path.write_text(yaml.safe_dump(document))


def write_evaluation(root: Path, data) -> Path:
    path = root / "evaluation" / "answers" / "fundamentals" / f"{SLUG}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def refused(root: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(BankError) as info:
        load_bank(root)
    return [(e.file, e.field, e.message) for e in info.value.errors]


def test_the_shipped_split_holds_out_a_fifth_of_every_stratum(bank):
    assert bank.split is not None
    shares = stratum_shares(bank, bank.split.held_out)
    assert min(shares.values()) >= 0.2, {k: v for k, v in shares.items() if v < 0.2}
    assert len(bank.held_out) >= 0.2 * len(bank)
    assert bank.held_out <= set(bank.questions)


def test_held_out_questions_have_no_training_answers(bank):
    assert not bank.held_out & set(bank.graded)


def test_no_evaluation_answer_is_in_any_training_file(bank):
    training = "\n".join(folded(path.read_text(errors="replace")) for path in TRAINING_FILES)
    leaked = [
        f"{slug}/{a.id}"
        for slug, answers in bank.evaluation.items()
        for a in answers.answers
        if folded(a.text) in training
    ]
    assert leaked == []


def test_evaluation_answers_are_by_other_authors_than_training_answers(bank):
    training_authors = {a.written_by for answers in bank.graded.values() for a in answers.answers}
    evaluation_authors = {a.written_by for answers in bank.evaluation.values() for a in answers.answers}
    assert not training_authors & evaluation_authors


def test_choose_held_out_is_stratified_seeded_and_keeps_what_it_is_told(bank):
    first = choose_held_out(bank, fraction=0.25, seed=7, keep=["define-ml"])
    assert first == choose_held_out(bank, fraction=0.25, seed=7, keep=["define-ml"])
    assert first != choose_held_out(bank, fraction=0.25, seed=8, keep=["define-ml"])
    assert "define-ml" not in first
    assert min(stratum_shares(bank, first).values()) >= 0.25
    per_set = Counter(bank.get(slug).set for slug in first)
    assert set(per_set) == set(bank.sets)


def test_a_held_out_question_with_training_answers_is_refused(content_copy):
    write_graded(content_copy, graded_file(answer()))
    write_split(content_copy, [SLUG])
    assert refused(content_copy) == [
        (
            "content/evaluation/split.yaml",
            "held_out",
            f"'{SLUG}' is held out but has training answers in graded/fundamentals/",
        )
    ]


def test_an_evaluation_answer_copied_from_training_is_refused(content_copy):
    write_graded(content_copy, graded_file(answer()))
    copied = answer(
        id="copied", text="A  TYPE I error is a false positive and a type II error a false negative."
    )
    write_evaluation(content_copy, graded_file(copied))
    write_split(content_copy, ["define-ml-unknown"])
    errors = refused(content_copy)
    assert (
        "content/evaluation/split.yaml",
        f"{SLUG}/copied",
        f"the same text is a training answer ({SLUG}/strong-screening)",
    ) in errors
    assert ("content/evaluation/split.yaml", "held_out", "unknown question 'define-ml-unknown'") in errors


def test_evaluation_answers_load_apart_from_training_answers(content_copy):
    write_evaluation(content_copy, graded_file(answer(id="held")))
    write_split(content_copy, [SLUG])
    bank = load_bank(content_copy)
    assert bank.graded == {}
    assert [a.id for a in bank.evaluation[SLUG].answers] == ["held"]
    assert bank.held_out == {SLUG}


def test_labels_for_training_load(content_copy):
    labelled = answer(
        kind="swapped-concept",
        grade=0.5,
        covers=[],
        contradicts=[1, 2],
        states=[1],
        second_reading={"by": "reader R", "grade": 1, "covers": [3]},
        reconciled="Readers differed by 0.5; kept the writer's grade.",
    )
    write_graded(content_copy, graded_file(labelled))
    got = load_bank(content_copy).graded[SLUG].answers[0]
    assert (got.contradicts, got.states, got.reconciled) == (
        [1, 2],
        [1],
        "Readers differed by 0.5; kept the writer's grade.",
    )
    assert (got.second_reading.by, got.second_reading.grade, got.second_reading.covers) == (
        "reader R",
        1.0,
        [3],
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"contradicts": [9]},
            "answers.0.contradicts.0",
            "key point 9 is out of range ('type-1-vs-type-2-errors' has 5 key points)",
        ),
        ({"states": [7]}, "answers.0.states.0", "misconception 7 is out of range"),
        (
            {"second_reading": {"by": "r", "grade": 2, "covers": [6]}},
            "answers.0.second_reading.covers.0",
            "key point 6 is out of range",
        ),
    ],
)
def test_label_numbers_out_of_range_are_refused(content_copy, changes, field, message):
    write_graded(content_copy, graded_file(answer(**changes)))
    [(file, where, said)] = refused(content_copy)
    assert (file, where) == (f"content/graded/fundamentals/{SLUG}.yaml", field)
    assert said.startswith(message)


def test_a_repeated_misconception_and_an_off_step_second_grade_are_refused(content_copy):
    write_graded(content_copy, graded_file(answer(states=[1, 1], second_reading={"by": "r", "grade": 2.2})))
    errors = refused(content_copy)
    assert any(
        where == "answers.0.states" and "misconception 1 is listed more than once" in said
        for _, where, said in errors
    )
    assert any(where == "answers.0.second_reading.grade" for _, where, said in errors)
