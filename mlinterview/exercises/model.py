"""Coding exercises as content: ``content/exercises/<slug>/``.

A folder holds ``exercise.yaml`` (metadata), ``statement.md``, ``starter.py``, ``solution.py``
(the reference), ``tests.py`` (trusted code that builds the test cases; it runs only in the
parent, never in the sandbox), ``edges.py`` (trusted too, parent only: the edge cases the statement
promises, as predicates the hidden tests must satisfy; see :mod:`mlinterview.exercises.edges`) and
``wrong/*.py`` (plausible wrong solutions, each of which must fail at least one hidden test).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mlinterview import REPO_DIR
from mlinterview.bank.schema import Level, Slug, Text

Checker = Callable[[tuple[Any, ...], Any], "tuple[bool, str]"]


@dataclass(frozen=True)
class Metric:
    """How a modelling case is judged: the predictions for a hidden split, scored against labels
    that stay in the parent, with partial credit between two thresholds.

    ``none_at`` is what a naive baseline reaches (no credit at or beyond it on the wrong side),
    ``full_at`` a little below what the reference reaches (full credit from there); credit is
    linear in between. For a metric where lower is better, ``none_at`` is the larger number.
    """

    name: str
    truth: Any
    score: Callable[[Any, Any], float]
    none_at: float
    full_at: float

    def credit(self, value: float) -> float:
        share = (value - self.none_at) / (self.full_at - self.none_at)
        return 0.0 if share != share else round(min(max(share, 0.0), 1.0), 3)  # NaN earns nothing

    def describe(self, value: float) -> str:
        return (
            f"{self.name} {value:.3f} (no credit at {self.none_at:g}, "
            f"full credit at {self.full_at:g}): {self.credit(value):.0%} of the points"
        )


@dataclass(frozen=True)
class Case:
    """One test: the arguments, how many points it is worth, and how to judge the result.

    ``expected`` may be given by hand (it is then also checked against the reference solution);
    otherwise the parent computes it by running the reference solution. ``check`` replaces the
    comparison for exercises whose right answers are not unique (a random split, say).
    """

    name: str
    args: tuple[Any, ...]
    points: int = 1
    public: bool = False
    expected: Any = None
    has_expected: bool = False
    rtol: float = 1e-6
    atol: float = 1e-9
    check: Checker | None = None
    raises: str | None = None  # the exception class name the call must raise
    metric: Metric | None = None  # a modelling case: partial credit by a metric on hidden labels
    seconds: float | None = None  # this case's time budget, when not the judge's default

    @classmethod
    def of(cls, name: str, *args: Any, **options: Any) -> Case:
        if "expected" in options:
            options["has_expected"] = True
        return cls(name=name, args=args, **options)


class ExerciseKind(StrEnum):
    """The part of an ML engineer's coding work an exercise samples."""

    from_scratch = "from-scratch"  # an ML method written with NumPy alone
    pytorch = "pytorch"  # a building block or a training step in PyTorch
    data_wrangling = "data-wrangling"  # pandas, SQL and splits that keep the data honest
    algorithms = "algorithms"  # the data structures and algorithms ML code leans on
    modelling = "modelling"  # fit and predict on a dataset, judged on a hidden split


class ExerciseMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: Slug
    title: Text
    level: Level
    kind: ExerciseKind
    # Core skills of the role profile (content/role-profile.yaml) the exercise gives evidence of.
    skills: list[Slug] = Field(min_length=1)
    minutes: int = Field(ge=3, le=60)
    tags: list[Slug] = Field(min_length=1)
    function: Text
    # "function": the candidate's function is called with each case's arguments. "estimator": it is
    # a class; the judge builds one with no arguments, calls fit(X_train, y_train) and returns
    # predict(X_test), the three arguments of each case (see :func:`invoke`).
    protocol: Literal["function", "estimator"] = "function"
    summary: Text
    memory_mb: int = Field(default=256, ge=64, le=2048)
    # Wall-clock seconds solution.py may take to load, when more than the judge's default (a
    # modelling task's imports of scikit-learn).
    import_seconds: float | None = Field(default=None, gt=0, le=30)
    cpu_seconds: float = Field(default=5.0, gt=0, le=60)


class ExerciseError(Exception):
    def __init__(self, problems: Sequence[tuple[str, str, str]]) -> None:
        self.problems = list(problems)
        lines = "\n".join(
            f"{file}: {fieldname}: {message}" if fieldname else f"{file}: {message}"
            for file, fieldname, message in self.problems
        )
        super().__init__(f"{len(self.problems)} exercise error(s):\n{lines}")


@dataclass
class Exercise:
    meta: ExerciseMeta
    folder: Path
    statement: str
    starter: str
    solution_source: str
    wrong: dict[str, str] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.meta.slug

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def level(self) -> Level:
        return self.meta.level

    @property
    def minutes(self) -> int:
        return self.meta.minutes

    @property
    def kind(self) -> ExerciseKind:
        return self.meta.kind

    @property
    def skills(self) -> list[str]:
        return list(self.meta.skills)

    @property
    def function(self) -> str:
        return self.meta.function

    def _content_module(self, name: str) -> Any:
        """Run one of the folder's trusted Python files (``tests.py``, ``edges.py``) in the parent."""
        path = self.folder / f"{name}.py"
        spec = importlib.util.spec_from_file_location(
            f"mlinterview_exercise_{name}_{self.slug.replace('-', '_')}", path
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    @cached_property
    def cases(self) -> list[Case]:
        """The test cases from ``tests.py`` (trusted content code, run in the parent only)."""
        path = self.folder / "tests.py"
        cases = list(self._content_module("tests").cases())
        names = [c.name for c in cases]
        if len(set(names)) != len(names):
            raise ExerciseError([(str(path), "cases", "test names must be unique")])
        return cases

    @cached_property
    def edges(self) -> dict[str, Callable[[Case], bool]]:
        """The edge cases the statement promises, from ``edges.py`` (trusted content code, run in the
        parent only): each name with a predicate that a hidden test's :class:`Case` must satisfy."""
        edges = self._content_module("edges").EDGES
        if not isinstance(edges, dict) or not all(
            isinstance(k, str) and callable(v) for k, v in edges.items()
        ):
            raise ExerciseError(
                [(str(self.folder / "edges.py"), "EDGES", "must map edge case names to predicates")]
            )
        return dict(edges)

    @cached_property
    def reference(self) -> Callable[..., Any]:
        """The reference solution's function, loaded in the parent (trusted content)."""
        namespace: dict[str, Any] = {"__name__": f"reference_{self.slug.replace('-', '_')}"}
        exec(compile(self.solution_source, str(self.folder / "solution.py"), "exec"), namespace)  # noqa: S102
        return namespace[self.function]

    def public_view(self) -> dict[str, Any]:
        """What a candidate may see: statement, starter code and the public examples only."""
        examples = []
        for case in self.cases:
            if case.public:
                examples.append(
                    {
                        "call": _call_text(self.function, case.args, self.meta.protocol),
                        "expected": _expected_text(self, case),
                    }
                )
        return {
            "slug": self.slug,
            "title": self.title,
            "level": self.level.value,
            "minutes": self.minutes,
            "statement": self.statement,
            "starter": self.starter,
            "examples": examples,
        }


def invoke(target: Any, protocol: str, args: Sequence[Any]) -> Any:
    """Call a solution the way its exercise's protocol says (the sandbox's harness does the same)."""
    if protocol == "estimator":
        X_train, y_train, X_test = args
        model = target()
        model.fit(X_train, y_train)
        return model.predict(X_test)
    return target(*args)


def _short(value: Any, limit: int = 160) -> str:
    text = repr(_one_line(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(value: Any) -> Any:
    """The value with its torch tensors as the codec's :class:`~codec.Tensor`, which prints on one
    line (torch prints a matrix over several)."""
    if any(cls.__module__.split(".")[0] == "torch" for cls in type(value).__mro__):
        from mlinterview.exercises import codec

        try:
            return codec.decode(codec.encode(value))
        except TypeError:
            return value
    if isinstance(value, list):
        return [_one_line(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_one_line(v) for v in value)
    if isinstance(value, dict):
        return {k: _one_line(v) for k, v in value.items()}
    return value


def _call_text(function: str, args: tuple[Any, ...], protocol: str = "function") -> str:
    if protocol == "estimator":
        X_train, _, X_test = args
        sizes = f"{len(X_train)} training rows, {len(X_test)} to predict"
        return f"{function}().fit(X_train, y_train).predict(X_test)  # {sizes}"
    return f"{function}({', '.join(_short(a, 80) for a in args)})"


def _expected_text(exercise: Exercise, case: Case) -> str:
    if case.raises:
        return f"raises {case.raises}"
    if case.check is not None:
        return "any answer meeting the statement's rules"
    if case.metric is not None:
        metric = case.metric
        return f"{metric.name}: full credit at {metric.full_at:g}, none at {metric.none_at:g}"
    value = (
        case.expected
        if case.has_expected
        else invoke(exercise.reference, exercise.meta.protocol, _copy(case.args))
    )
    return _short(value)


def _copy(args: tuple[Any, ...]) -> tuple[Any, ...]:
    import copy

    return tuple(copy.deepcopy(a) for a in args)


def default_exercises_dir() -> Path:
    configured = os.environ.get("MLINTERVIEW_CONTENT_DIR")
    return (Path(configured) if configured else REPO_DIR / "content") / "exercises"


REQUIRED = ("exercise.yaml", "statement.md", "starter.py", "solution.py", "tests.py", "edges.py")


def load_exercise(folder: Path) -> Exercise:
    problems: list[tuple[str, str, str]] = []
    for name in REQUIRED:
        if not (folder / name).is_file():
            problems.append((str(folder / name), "", "file is missing"))
    if problems:
        raise ExerciseError(problems)
    try:
        meta = ExerciseMeta.model_validate(yaml.safe_load((folder / "exercise.yaml").read_text()) or {})
    except yaml.YAMLError as exc:
        raise ExerciseError([(str(folder / "exercise.yaml"), "", f"malformed YAML: {exc}")]) from None
    except ValidationError as exc:
        raise ExerciseError(
            [(str(folder / "exercise.yaml"), ".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors()]
        ) from None
    if meta.slug != folder.name:
        raise ExerciseError(
            [(str(folder / "exercise.yaml"), "slug", f"{meta.slug!r} is not the folder name")]
        )
    wrong_dir = folder / "wrong"
    wrong = {p.stem: p.read_text() for p in sorted(wrong_dir.glob("*.py"))} if wrong_dir.is_dir() else {}
    return Exercise(
        meta=meta,
        folder=folder,
        statement=(folder / "statement.md").read_text(),
        starter=(folder / "starter.py").read_text(),
        solution_source=(folder / "solution.py").read_text(),
        wrong=wrong,
    )


def load_exercises(root: str | Path | None = None) -> list[Exercise]:
    root = Path(root) if root is not None else default_exercises_dir()
    if not root.is_dir():
        return []
    exercises, problems = [], []
    known_skills = core_skills(root.parent)
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        try:
            exercise = load_exercise(folder)
        except ExerciseError as exc:
            problems.extend(exc.problems)
            continue
        exercises.append(exercise)
        if known_skills is not None:
            problems.extend(
                (
                    str(folder / "exercise.yaml"),
                    "skills",
                    f"{skill!r} is not a core skill of the role profile",
                )
                for skill in exercise.skills
                if skill not in known_skills
            )
    if problems:
        raise ExerciseError(problems)
    return exercises


def core_skills(content_root: Path) -> frozenset[str] | None:
    """The slugs of the role profile's core skills, or None when the content has no role profile
    (a folder of exercises on its own)."""
    path = content_root / "role-profile.yaml"
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text()) or {}
    return frozenset(skill["slug"] for skill in data.get("core_skills", []))
