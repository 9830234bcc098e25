"""Graded answers (content/graded/<set>/<slug>.yaml): a valid file loads with every field, and each
kind of mistake is refused with the file, the field and a message that says what is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from mlinterview.bank import BankError, load_bank
from mlinterview.cli import app

# The scratch content (tests/conftest.py) holds this question; it has 5 key points.
SLUG = "type-1-vs-type-2-errors"
SHOWN = f"content/graded/fundamentals/{SLUG}.yaml"

# The choose-your-own questions of issue 19, whose rubrics were rewritten so that any good choice
# can score: each ships two strong graded answers that make different choices.
CHOOSE_YOUR_OWN = [
    "ml-applications",
    "supervised-unsupervised-algorithms",
    "python-ml-libraries",
    "ml-languages",
    "visualization-for-ml",
    "regularization",
    "generative-vs-discriminative",
    "ensemble-learning",
    "matrix-inverse-and-singularity",
    "jensen-inequality",
    "spam-filter-design",
]


def answer(**changes: Any) -> dict[str, Any]:
    data = {
        "id": "strong-screening",
        "kind": "strong",
        "grade": 4.5,
        "written_by": "test suite",
        "covers": [1, 2, 5],
        "text": "A type I error is a false positive and a type II error a false negative.",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def write_graded(
    root: Path, data: dict[str, Any] | str, folder: str = "fundamentals", name: str = f"{SLUG}.yaml"
) -> Path:
    path = root / "graded" / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text(text)
    return path


def graded_file(*answers: dict[str, Any], question: str = SLUG) -> dict[str, Any]:
    return {"question": question, "answers": list(answers)}


def refused(root: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(BankError) as info:
        load_bank(root)
    return [(error.file, error.field, error.message) for error in info.value.errors]


def test_a_valid_file_loads_every_field(content_copy):
    second = answer(
        id="plain-words-spam",
        kind="plain-words",
        grade=3,
        covers=[],
        note="No jargon, right idea.",
        text="Sometimes the alarm goes off for nothing, sometimes it misses the real thing.",
    )
    write_graded(content_copy, graded_file(answer(), second))
    graded = load_bank(content_copy).graded[SLUG]
    assert graded.question == SLUG
    first, other = graded.answers
    assert (first.id, first.kind.value, first.grade, first.covers) == (
        "strong-screening",
        "strong",
        4.5,
        [1, 2, 5],
    )
    assert first.written_by == "test suite" and first.note is None
    assert first.text.startswith("A type I error is a false positive")
    assert (other.id, other.kind.value, other.grade, other.covers, other.note) == (
        "plain-words-spam",
        "plain-words",
        3.0,
        [],
        "No jargon, right idea.",
    )


def test_no_graded_folder_means_no_graded_answers(content_copy):
    assert load_bank(content_copy).graded == {}


def test_every_kind_is_accepted(content_copy):
    kinds = [
        "strong",
        "partial",
        "plain-words",
        "swapped-concept",
        "misconception",
        "off-topic",
        "keyword-list",
        "rambling",
        "terse",
        "vague",
        "non-answer",
    ]
    write_graded(content_copy, graded_file(*(answer(id=f"a-{kind}", kind=kind) for kind in kinds)))
    assert [a.kind.value for a in load_bank(content_copy).graded[SLUG].answers] == kinds


def test_unknown_question_slug(content_copy):
    write_graded(
        content_copy, graded_file(answer(), question="no-such-question"), name="no-such-question.yaml"
    )
    assert refused(content_copy) == [
        (
            "content/graded/fundamentals/no-such-question.yaml",
            "question",
            "unknown question 'no-such-question'",
        )
    ]


def test_file_name_must_match_the_question(content_copy):
    write_graded(content_copy, graded_file(answer()), name="type-errors.yaml")
    assert refused(content_copy) == [
        (
            "content/graded/fundamentals/type-errors.yaml",
            "question",
            f"'{SLUG}' does not match the file name 'type-errors.yaml'",
        )
    ]


def test_folder_must_be_the_questions_set(content_copy):
    write_graded(content_copy, graded_file(answer()), folder="coding")
    assert refused(content_copy) == [
        (
            f"content/graded/coding/{SLUG}.yaml",
            "question",
            f"'{SLUG}' is in set 'fundamentals'; the file belongs in graded/fundamentals/",
        )
    ]


def test_key_point_number_beyond_the_last_key_point(content_copy):
    write_graded(content_copy, graded_file(answer(), answer(id="second", covers=[5, 6])))
    assert refused(content_copy) == [
        (SHOWN, "answers.1.covers.1", f"key point 6 is out of range ('{SLUG}' has 5 key points)")
    ]


def test_the_last_key_point_is_in_range(content_copy):
    write_graded(content_copy, graded_file(answer(covers=[5])))
    assert load_bank(content_copy).graded[SLUG].answers[0].covers == [5]


@pytest.mark.parametrize(
    ("covers", "field", "message"),
    [
        ([0, 2], "answers.0.covers.0", "Input should be greater than or equal to 1"),
        ([-1], "answers.0.covers.0", "Input should be greater than or equal to 1"),
        ([2, "3"], "answers.0.covers.1", "Input should be a valid integer"),
        ([2, 1, 2], "answers.0.covers", "key point 2 is listed more than once"),
        ("1, 2", "answers.0.covers", "Input should be a valid list"),
    ],
)
def test_bad_key_point_numbers(content_copy, covers, field, message):
    write_graded(content_copy, graded_file(answer(covers=covers)))
    assert refused(content_copy) == [(SHOWN, field, message)]


def test_bad_kind_names_the_allowed_kinds(content_copy):
    write_graded(content_copy, graded_file(answer(kind="excellent")))
    [(file, field, message)] = refused(content_copy)
    assert (file, field) == (SHOWN, "answers.0.kind")
    assert message.startswith("Input should be 'strong', 'partial', 'plain-words'")
    assert "'rambling'" in message
    assert "'non-answer'" in message


@pytest.mark.parametrize(
    ("grade", "message"),
    [
        (5.5, "Input should be less than or equal to 5"),
        (-0.5, "Input should be greater than or equal to 0"),
        (4.3, "4.3 is not a multiple of 0.5"),
        ("5", "Input should be a valid number"),
        (True, "Input should be a valid number"),
    ],
)
def test_bad_grade(content_copy, grade, message):
    write_graded(content_copy, graded_file(answer(grade=grade)))
    assert refused(content_copy) == [(SHOWN, "answers.0.grade", message)]


@pytest.mark.parametrize("grade", [0, 0.5, 2, 5])
def test_grades_on_the_scale_are_accepted(content_copy, grade):
    write_graded(content_copy, graded_file(answer(grade=grade)))
    assert load_bank(content_copy).graded[SLUG].answers[0].grade == grade


def test_missing_and_unknown_fields(content_copy):
    bad = answer(text=None)
    bad["score"] = 4
    write_graded(content_copy, graded_file(answer(), bad))
    assert sorted(refused(content_copy)) == [
        (SHOWN, "answers.1.score", "is not a known field"),
        (SHOWN, "answers.1.text", "is required"),
    ]


def test_duplicate_answer_ids(content_copy):
    write_graded(content_copy, graded_file(answer(), answer(grade=2)))
    assert refused(content_copy) == [(SHOWN, "answers", "duplicate answer id 'strong-screening'")]


def test_a_file_without_answers(content_copy):
    write_graded(content_copy, graded_file())
    assert refused(content_copy) == [
        (SHOWN, "answers", "List should have at least 1 item after validation, not 0")
    ]


def test_malformed_and_empty_files(content_copy):
    write_graded(content_copy, "question: [unclosed\n")
    write_graded(content_copy, "", name="other.yaml")
    errors = refused(content_copy)
    assert ("content/graded/fundamentals/other.yaml", "", "file is empty") in errors
    [malformed] = [e for e in errors if e[0] == SHOWN]
    assert malformed[1] == "" and malformed[2].startswith("malformed YAML at line")


def test_two_files_for_one_question(content_copy):
    write_graded(content_copy, graded_file(answer()))
    write_graded(content_copy, graded_file(answer()), name=f"{SLUG}.yml")
    assert refused(content_copy) == [
        (
            f"content/graded/fundamentals/{SLUG}.yml",
            "question",
            f"duplicate graded answers for '{SLUG}' (also in {SHOWN})",
        )
    ]


def test_a_broken_question_is_reported_once_not_again_through_its_graded_file(content_copy):
    question = content_copy / "questions" / "fundamentals" / f"{SLUG}.yaml"
    question.write_text(question.read_text().replace("level: junior", "level: expert"))
    write_graded(content_copy, graded_file(answer()))
    errors = refused(content_copy)
    assert [(file, field) for file, field, _ in errors] == [
        (f"content/questions/fundamentals/{SLUG}.yaml", "level")
    ]


def test_validate_command_names_file_and_field(content_copy):
    write_graded(content_copy, graded_file(answer(kind="excellent", covers=[9])))
    result = CliRunner().invoke(app, ["bank", "validate", "--no-quality", str(content_copy)])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"{SHOWN}: answers.0.kind: Input should be 'strong'")
    assert len(lines) == 1  # the kind is refused by the schema, so the range check never runs


def test_validate_one_graded_file(content_copy, write_question, exemplar_data):
    good = write_graded(content_copy, graded_file(answer()))
    result = CliRunner().invoke(app, ["bank", "validate", str(good)])
    assert (result.exit_code, result.stdout.strip()) == (0, f"ok: {good}")
    # Errors elsewhere (another question, another graded file) are not this file's errors.
    write_question(dict(exemplar_data, slug="no-points", key_points=[]))
    bad = write_graded(
        content_copy, graded_file(answer(grade=7), question="no-points"), name="no-points.yaml"
    )
    result = CliRunner().invoke(app, ["bank", "validate", str(good)])
    assert (result.exit_code, result.stdout.strip()) == (0, f"ok: {good}")
    result = CliRunner().invoke(app, ["bank", "validate", str(bad)])
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines() == [
        "content/graded/fundamentals/no-points.yaml: answers.0.grade: Input should be less than or equal to 5"
    ]


def test_shipped_choose_your_own_questions_have_two_strong_answers_with_different_ids():
    bank = load_bank()
    for slug in CHOOSE_YOUR_OWN:
        question = bank.get(slug)
        strong = [a for a in bank.graded[slug].answers if a.kind.value == "strong"]
        assert len({a.id for a in strong}) >= 2, slug
        for graded in strong:
            assert len(graded.covers) >= 4, (slug, graded.id)
            assert max(graded.covers) <= len(question.key_points), (slug, graded.id)
            assert graded.grade >= 4, (slug, graded.id)
