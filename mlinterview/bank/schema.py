"""The content model of the question bank.

Every field a question file may carry is declared here, with the rules a reviewer would
otherwise check by hand (word counts, minimum rubric sizes, allowed levels). The loader turns
pydantic's errors into ``ContentError`` rows naming the file and the field.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Bounds for the reference answer of a technical (non open-ended) question, in words.
ANSWER_MIN_WORDS = 80
ANSWER_MAX_WORDS = 250
MIN_KEY_POINTS = 4
MIN_MISCONCEPTIONS = 3
MIN_FOLLOW_UPS = 2
MIN_SIGNALS = 3


def word_count(text: str) -> int:
    """Words in a Markdown text, ignoring punctuation-only tokens such as list bullets."""
    return sum(1 for token in text.split() if re.search(r"\w", token))


class Level(StrEnum):
    junior = "junior"
    mid = "mid"
    senior = "senior"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Misconception(Strict):
    """A plausible wrong statement a weak candidate makes, and why it is wrong."""

    claim: Text
    correction: Text


class RatingAnchors(Strict):
    """What an answer rated 1, 2, 3 and 4 sounds like (a behaviourally anchored scale)."""

    one: Text = Field(alias="1")
    two: Text = Field(alias="2")
    three: Text = Field(alias="3")
    four: Text = Field(alias="4")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def as_dict(self) -> dict[int, str]:
        return {1: self.one, 2: self.two, 3: self.three, 4: self.four}


class Signals(Strict):
    """For open-ended questions: what strong and weak answers show."""

    strong: list[Text] = Field(min_length=MIN_SIGNALS)
    weak: list[Text] = Field(min_length=MIN_SIGNALS)


class Review(Strict):
    """A record of an independent technical review of the question."""

    date: date
    by: Text
    checked: Text


class QuestionSet(Strict):
    """A group of questions on one area (declared in ``content/sets.yaml``)."""

    slug: Slug
    title: Text
    description: Text
    open_ended: bool = False


class Question(Strict):
    slug: Slug
    set: Slug
    topic: Text
    title: Text
    prompt: Text
    level: Level
    tags: list[Slug] = Field(min_length=1)
    minutes: int = Field(ge=1, le=60)
    reference_answer: str = ""
    key_points: list[Text] = Field(default_factory=list)
    misconceptions: list[Misconception] = Field(default_factory=list)
    follow_ups: list[Text] = Field(min_length=MIN_FOLLOW_UPS)
    rating_anchors: RatingAnchors
    signals: Signals | None = None
    aliases: list[Text] = Field(
        default_factory=list,
        description="Everyday phrasings of the question, used by search.",
    )
    skills: list[Slug] = Field(
        default_factory=list,
        description="Core skills of the role profile this question assesses.",
    )
    reviewed: Review | None = None

    @field_validator("tags", "key_points", "follow_ups", "aliases", "skills")
    @classmethod
    def _no_duplicates(cls, items: list[str]) -> list[str]:
        seen: set[str] = set()
        for item in items:
            key = item.casefold()
            if key in seen:
                raise ValueError(f"duplicate entry: {item!r}")
            seen.add(key)
        return items

    @model_validator(mode="after")
    def _rubric_complete(self) -> Question:
        # Open-endedness is a property of the set; the loader re-checks it against sets.yaml.
        # Here: a question with signals is open-ended, otherwise it needs a full technical rubric.
        if self.signals is not None:
            return self
        words = word_count(self.reference_answer)
        if words == 0:
            raise ValueError("reference_answer: is empty")
        if not ANSWER_MIN_WORDS <= words <= ANSWER_MAX_WORDS:
            raise ValueError(
                f"reference_answer: has {words} words, expected {ANSWER_MIN_WORDS} to {ANSWER_MAX_WORDS}"
            )
        if len(self.key_points) < MIN_KEY_POINTS:
            raise ValueError(f"key_points: has {len(self.key_points)}, expected at least {MIN_KEY_POINTS}")
        if len(self.misconceptions) < MIN_MISCONCEPTIONS:
            raise ValueError(
                f"misconceptions: has {len(self.misconceptions)}, expected at least {MIN_MISCONCEPTIONS}"
            )
        return self

    @property
    def open_ended(self) -> bool:
        return self.signals is not None

    @property
    def graded_points(self) -> list[str]:
        """What a graded answer's ``covers`` numbers: the key points, or the strong signals."""
        return list(self.signals.strong) if self.signals is not None else list(self.key_points)


class Skill(Strict):
    slug: Slug
    name: Text
    description: Text


class RoleProfile(Strict):
    """What an ML engineer does: shown on the site and used for coverage of the bank."""

    title: Text
    summary: Text
    responsibilities: list[Text] = Field(min_length=3)
    core_skills: list[Skill] = Field(min_length=3)
    qualifications: list[Text] = Field(min_length=2)
    nice_to_have: list[Text] = Field(default_factory=list)
