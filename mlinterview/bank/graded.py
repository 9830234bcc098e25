"""Graded answers: written answers to a bank question, each with the grade a person gave it.

They are content, reviewed like the questions, and serve as worked examples of a rubric (two
strong answers that make different choices show that a choose-your-own question does not
reward one choice) and as labelled data for checking the scorer. One file per question:

    content/graded/<set>/<question-slug>.yaml

    question: ml-applications          # the question's slug; the file and folder must match it
    answers:
      - id: strong-imaging-translation-speech    # unique within the file
        kind: strong                   # see AnswerKind
        grade: 5                       # 0 to 5 in steps of 0.5, as a person grades it
        written_by: bank maintainers   # who wrote the answer (a person, a team, "issue 19")
        covers: [1, 2, 3, 5]           # key points a reader finds covered, numbered from 1
        contradicts: [4]               # optional: key points the answer states wrongly (swapped, negated)
        states: [2]                    # optional: the question's misconceptions it states, numbered from 1
        second_reading:                # optional: a second reader's blind grade (not the writer)
          by: reader R2
          grade: 4.5
          covers: [1, 2, 3]
        reconciled: optional note on how a disagreement of 2 or more between the readings was settled
        note: optional remark for reviewers, e.g. why the grade is not higher
        text: |
          The answer, as a candidate would give it.

``covers`` numbers the question's key points in the order of its file. Editing, reordering or
splitting a question's key points therefore means re-reading its graded answers; numbers out of
range are reported, a shifted meaning is not. The loader (:func:`load_graded`, called by
``load_bank``) checks everything and reports each problem as a ``ContentError`` naming the file
and the field, like the question files.

The same schema holds the frozen evaluation split (``content/evaluation/``, see
:mod:`mlinterview.bank.evaluation`): answers there are never evidence or training data.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import Field, StrictInt, field_validator

from mlinterview.bank.schema import Question, Slug, Strict, Text

GRADED_FOLDER = "graded"
EVALUATION_FOLDER = "evaluation/answers"
GRADE_MIN = 0
GRADE_MAX = 5
GRADE_STEP = 0.5


class AnswerKind(StrEnum):
    """What kind of answer it is, so that a set of graded answers can cover the usual cases."""

    strong = "strong"  # correct and complete, would earn a top grade
    partial = "partial"  # correct as far as it goes, but misses key points
    plain_words = "plain-words"  # right ideas in everyday words, without the jargon
    swapped_concept = "swapped-concept"  # fluent, but two concepts are exchanged
    misconception = "misconception"  # states one of the question's misconceptions
    off_topic = "off-topic"  # answers a different question
    keyword_list = "keyword-list"  # the right terms with no explanation
    rambling = "rambling"  # long, padded, with the substance buried or missing
    terse = "terse"  # one or two short sentences that state the core idea correctly
    vague = "vague"  # on the subject, but nothing in it can be checked against a key point
    non_answer = "non-answer"  # declines or stalls ("I would have to look that up")


Grade = Annotated[float, Field(strict=True, ge=GRADE_MIN, le=GRADE_MAX)]
KeyPointNumber = Annotated[StrictInt, Field(ge=1)]


def _check_steps(grade: float) -> float:
    if (grade / GRADE_STEP) != round(grade / GRADE_STEP):
        raise ValueError(f"{grade} is not a multiple of {GRADE_STEP}")
    return grade


def _check_no_repeats(numbers: list[int], what: str) -> list[int]:
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    if repeated:
        raise ValueError(f"{what} {repeated[0]} is listed more than once")
    return numbers


class SecondReading(Strict):
    """A grade given blind by a reader who did not write the answer."""

    by: Text
    grade: Grade
    covers: list[KeyPointNumber] = Field(default_factory=list)

    @field_validator("grade")
    @classmethod
    def _in_steps(cls, grade: float) -> float:
        return _check_steps(grade)

    @field_validator("covers")
    @classmethod
    def _no_repeats(cls, numbers: list[int]) -> list[int]:
        return _check_no_repeats(numbers, "key point")


class GradedAnswer(Strict):
    id: Slug
    kind: AnswerKind
    grade: Grade
    written_by: Text
    covers: list[KeyPointNumber] = Field(default_factory=list)
    contradicts: list[KeyPointNumber] = Field(default_factory=list)
    states: list[KeyPointNumber] = Field(default_factory=list)
    second_reading: SecondReading | None = None
    reconciled: Text | None = None
    note: Text | None = None
    text: Text

    @field_validator("grade")
    @classmethod
    def _in_steps(cls, grade: float) -> float:
        return _check_steps(grade)

    @field_validator("covers", "contradicts")
    @classmethod
    def _no_repeats(cls, numbers: list[int]) -> list[int]:
        return _check_no_repeats(numbers, "key point")

    @field_validator("states")
    @classmethod
    def _no_repeated_misconceptions(cls, numbers: list[int]) -> list[int]:
        return _check_no_repeats(numbers, "misconception")


class GradedAnswers(Strict):
    """The graded answers of one question (one file)."""

    question: Slug
    answers: list[GradedAnswer] = Field(min_length=1)

    @field_validator("answers")
    @classmethod
    def _unique_ids(cls, answers: list[GradedAnswer]) -> list[GradedAnswer]:
        seen: set[str] = set()
        for answer in answers:
            if answer.id in seen:
                raise ValueError(f"duplicate answer id {answer.id!r}")
            seen.add(answer.id)
        return answers


def graded_files(root: Path, folder_name: str = GRADED_FOLDER) -> list[Path]:
    folder = root / folder_name
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def cross_check(
    graded: GradedAnswers,
    path: Path,
    questions: Mapping[str, Question],
) -> list[tuple[str, str]]:
    """(field, message) for what one graded file gets wrong about the question it grades."""
    problems: list[tuple[str, str]] = []
    if path.stem != graded.question:
        problems.append(("question", f"{graded.question!r} does not match the file name {path.name!r}"))
    question = questions.get(graded.question)
    if question is None:
        problems.append(("question", f"unknown question {graded.question!r}"))
        return problems
    if path.parent.name != question.set:
        folder = path.parent.parent.name
        problems.append(
            (
                "question",
                f"{graded.question!r} is in set {question.set!r}; "
                f"the file belongs in {folder}/{question.set}/",
            )
        )
    points = question.graded_points
    ranges = {
        "covers": (len(points), "key point", "key points"),
        "contradicts": (len(points), "key point", "key points"),
        "states": (len(question.misconceptions), "misconception", "misconceptions"),
    }
    for index, answer in enumerate(graded.answers):
        lists = [("covers", answer.covers), ("contradicts", answer.contradicts), ("states", answer.states)]
        if answer.second_reading is not None:
            lists.append(("second_reading.covers", answer.second_reading.covers))
        for name, numbers in lists:
            count, what, plural = ranges[name.rsplit(".", 1)[-1]]
            for position, number in enumerate(numbers):
                if number > count:
                    problems.append(
                        (
                            f"answers.{index}.{name}.{position}",
                            f"{what} {number} is out of range ({graded.question!r} has {count} {plural})",
                        )
                    )
    return problems
