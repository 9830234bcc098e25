"""The grader seam: turn one answer into a typed :class:`Grade` through a registry of graders.

A grader says which kinds of answer it grades ("text" for a free-text answer to a bank question,
"code" for a coding exercise), and returns a value on the product scale (0..1) with JSON-ready
evidence, its own name and its version. Each kind has one primary grader, the one whose grade
counts; other graders can be registered beside it (a second opinion) and asked by name.

    from mlinterview.scoring import graders
    grade = graders.grade(graders.GradeRequest.text(question, "my answer"))
    grade.value, grade.evidence, grade.grader, grade.version

The local text grader (the rubric scorer) is registered as primary for "text" when this module is
imported; nothing is loaded until it grades. The code grader lives with the exercises
(``mlinterview.exercises.grader``) and is registered by whoever configures the judge.
Pure Python: no Django here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from mlinterview.bank.schema import Question
from mlinterview.scoring import calibration, engine

TEXT = "text"
CODE = "code"
KINDS = (TEXT, CODE)

LOCAL_TEXT = "local-text"
MAX_BAND = 5.0  # the scorer's 0-5 scale; its score divided by this is the product's 0..1


class GraderError(Exception):
    """An unknown grader or kind, a clash in the registry, or a request a grader cannot grade."""


def _known_kind(kind: str) -> str:
    if kind not in KINDS:
        raise GraderError(f"Unknown answer kind {kind!r}; the kinds are {', '.join(KINDS)}.")
    return kind


@dataclass(frozen=True)
class GradeRequest:
    """One answer to grade: its kind, its text, and what it answers (a bank question or an exercise)."""

    kind: str
    answer: str
    question: Question | None = None  # for "text"
    exercise: str | None = None  # the exercise's slug, for "code"

    def __post_init__(self) -> None:
        _known_kind(self.kind)
        if self.kind == TEXT and self.question is None:
            raise GraderError("A text answer is graded against a question; none was given.")
        if self.kind == CODE and not self.exercise:
            raise GraderError("A code answer is graded against an exercise; none was given.")

    @classmethod
    def text(cls, question: Question, answer: str) -> GradeRequest:
        return cls(kind=TEXT, answer=answer, question=question)

    @classmethod
    def code(cls, exercise: str, source: str) -> GradeRequest:
        return cls(kind=CODE, answer=source, exercise=exercise)


@dataclass(frozen=True)
class Grade:
    """A grader's result: ``value`` on the product scale 0..1, its evidence, and who produced it."""

    value: float
    evidence: dict[str, Any]
    grader: str
    version: str

    def __post_init__(self) -> None:
        if not 0.0 <= self.value <= 1.0:
            raise GraderError(f"Grader {self.grader!r} gave {self.value}, outside the scale 0..1.")

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "grader": self.grader,
            "version": self.version,
            "evidence": self.evidence,
        }

    def signed_evidence(self) -> dict[str, Any]:
        """The evidence with the grader's name and version beside it, as feedback keeps it."""
        return {**self.evidence, "grader": self.grader, "version": self.version}


@runtime_checkable
class Grader(Protocol):
    """Anything that grades answers of some kinds. ``version`` changes whenever its grades may."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def kinds(self) -> frozenset[str]: ...

    def grade(self, request: GradeRequest) -> Grade: ...


class Registry:
    """Graders by name, and the primary grader of each kind. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._graders: dict[str, Grader] = {}
        self._primary: dict[str, str] = {}

    def register(self, grader: Grader, *, primary: bool = False) -> None:
        """Add a grader; with ``primary`` it becomes the primary grader of each kind it grades.

        A name is registered once: a second grader under a taken name is refused.
        """
        name = grader.name
        kinds = frozenset(grader.kinds)
        if not name:
            raise GraderError("A grader needs a name.")
        if not kinds:
            raise GraderError(f"Grader {name!r} grades no kind of answer.")
        for kind in sorted(kinds):
            _known_kind(kind)
        with self._lock:
            if name in self._graders:
                raise GraderError(f"A grader named {name!r} is already registered.")
            self._graders[name] = grader
            if primary:
                for kind in kinds:
                    self._primary[kind] = name

    def unregister(self, name: str) -> Grader:
        """Remove a grader; a kind it was primary for has no primary grader until one is registered."""
        with self._lock:
            grader = self._graders.pop(name, None)
            if grader is None:
                raise GraderError(self._unknown(name))
            self._primary = {kind: n for kind, n in self._primary.items() if n != name}
            return grader

    def get(self, name: str) -> Grader:
        with self._lock:
            grader = self._graders.get(name)
            if grader is None:
                raise GraderError(self._unknown(name))
            return grader

    def primary_for(self, kind: str) -> Grader:
        _known_kind(kind)
        with self._lock:
            name = self._primary.get(kind)
            if name is None:
                raise GraderError(f"No grader is registered as primary for {kind!r} answers.")
            return self._graders[name]

    def names(self) -> list[str]:
        with self._lock:
            return sorted(self._graders)

    def grade(self, request: GradeRequest, *, grader: str | None = None) -> Grade:
        """Grade with the named grader, or the primary grader of the request's kind."""
        chosen = self.primary_for(request.kind) if grader is None else self.get(grader)
        if request.kind not in chosen.kinds:
            raise GraderError(f"Grader {chosen.name!r} does not grade {request.kind!r} answers.")
        return chosen.grade(request)

    def _unknown(self, name: str) -> str:
        known = ", ".join(sorted(self._graders)) or "none"
        return f"There is no grader named {name!r}; registered: {known}."


class TextScorer(Protocol):
    @property
    def version(self) -> str: ...

    def score(self, question: Question, answer: str) -> Any: ...


class LocalTextGrader:
    """A local scorer of text answers as a grader: by default the reader
    (:mod:`mlinterview.scoring.reader_scorer`), the primary grader of text.

    Its value is the scorer's 0-5 score divided by 5 (clamped to 0..1) and its evidence the
    scorer's result as a dict. The version names the reader's weights, their thresholds and the
    rules, so it changes when any of them does. The scorer (and its model) is made on the first
    grade, not before. The benchmarks register the similarity scorer under another name to
    measure it beside the reader.
    """

    kinds = frozenset({TEXT})

    def __init__(
        self,
        scorer: Callable[[], TextScorer] | None = None,
        *,
        name: str = LOCAL_TEXT,
        shipped_version: Callable[[], str] | None = None,
    ) -> None:
        self.name = name
        self._scorer = scorer or _reader_scorer
        self._shipped_version = shipped_version or _reader_version
        self._version: str | None = None

    @property
    def version(self) -> str:
        """The version of the last grade, or else of the shipped model (read, not loaded)."""
        if self._version is None:
            self._version = self._shipped_version()
        return self._version

    def grade(self, request: GradeRequest) -> Grade:
        if request.kind != TEXT or request.question is None:
            raise GraderError(f"Grader {self.name!r} grades text answers only.")
        scorer = self._scorer()
        evidence = scorer.score(request.question, request.answer).to_dict()
        version = scorer.version
        self._version = version
        value = max(0.0, min(1.0, float(evidence["score"]) / MAX_BAND))
        return Grade(value=value, evidence=evidence, grader=self.name, version=version)


def _reader_scorer() -> TextScorer:
    from mlinterview.scoring.reader_scorer import get_scorer

    return get_scorer()


def _reader_version() -> str:
    from mlinterview.scoring.reader import shipped_version

    return shipped_version()


def similarity_grader(name: str = "local-similarity") -> LocalTextGrader:
    """The similarity scorer (the default before issue 13) as a grader, for the benchmarks."""
    return LocalTextGrader(
        engine.get_similarity_scorer,
        name=name,
        shipped_version=lambda: engine.scorer_version(calibration.load()),
    )


def default_registry(graders: Iterable[tuple[Grader, bool]] = ()) -> Registry:
    """A registry holding the local text grader as primary for text, then ``(grader, primary)`` pairs."""
    fresh = Registry()
    fresh.register(LocalTextGrader(), primary=True)
    for grader, primary in graders:
        fresh.register(grader, primary=primary)
    return fresh


registry = default_registry()  # the process's registry; tests may swap it for a fresh one


def register(grader: Grader, *, primary: bool = False) -> None:
    registry.register(grader, primary=primary)


def unregister(name: str) -> Grader:
    return registry.unregister(name)


def get(name: str) -> Grader:
    return registry.get(name)


def primary_for(kind: str) -> Grader:
    return registry.primary_for(kind)


def names() -> list[str]:
    return registry.names()


def grade(request: GradeRequest, *, grader: str | None = None) -> Grade:
    return registry.grade(request, grader=grader)
