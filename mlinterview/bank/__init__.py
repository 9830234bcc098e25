"""The question bank: content model, loader, validation and search (no Django here).

May import: the standard library, pydantic, PyYAML, Markdown; no other mlinterview package."""

from mlinterview.bank.graded import AnswerKind, GradedAnswer, GradedAnswers
from mlinterview.bank.loader import (
    Bank,
    BankError,
    ContentError,
    UnknownQuestion,
    default_content_dir,
    load_bank,
)
from mlinterview.bank.schema import Level, Misconception, Question, QuestionSet, RoleProfile

__all__ = [
    "AnswerKind",
    "Bank",
    "BankError",
    "ContentError",
    "GradedAnswer",
    "GradedAnswers",
    "Level",
    "Misconception",
    "Question",
    "QuestionSet",
    "RoleProfile",
    "UnknownQuestion",
    "default_content_dir",
    "load_bank",
]
