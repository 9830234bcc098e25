"""Load the question bank from ``content/`` with precise, all-or-nothing error reporting.

The loader reads every file, collects every problem it finds as a ``ContentError`` (file, field,
message) and either returns a complete ``Bank`` or raises ``BankError`` with the whole list. It
never returns a partly loaded bank.
"""

from __future__ import annotations

import os
import pickle
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mlinterview import REPO_DIR
from mlinterview.bank.claims import ClaimVariants, claim_files
from mlinterview.bank.claims import cross_check as check_claims
from mlinterview.bank.evaluation import SPLIT_FILE, EvaluationSplit, leaks
from mlinterview.bank.graded import EVALUATION_FOLDER, GRADED_FOLDER, GradedAnswers, cross_check, graded_files
from mlinterview.bank.schema import Question, QuestionSet, RoleProfile

QUESTION_SUFFIXES = (".yaml", ".yml")

M = TypeVar("M", bound=BaseModel)


def default_content_dir() -> Path:
    """``$MLINTERVIEW_CONTENT_DIR`` if set, else the ``content/`` folder of the checkout."""
    configured = os.environ.get("MLINTERVIEW_CONTENT_DIR")
    return Path(configured) if configured else REPO_DIR / "content"


@dataclass(frozen=True, order=True)
class ContentError:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class BankError(Exception):
    """The content could not be loaded; ``errors`` lists every problem found."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(errors)
        lines = "\n".join(str(error) for error in self.errors)
        super().__init__(f"{len(self.errors)} content error(s):\n{lines}")


class UnknownQuestion(KeyError):
    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug

    def __str__(self) -> str:
        return f"no question with slug {self.slug!r}"


@dataclass(frozen=True)
class Bank:
    """A fully validated question bank."""

    root: Path
    sets: Mapping[str, QuestionSet]
    questions: Mapping[str, Question]
    role_profile: RoleProfile
    sources: Mapping[str, Path] = field(default_factory=dict)
    # Graded answers by question slug (``content/graded/``; see mlinterview.bank.graded).
    graded: Mapping[str, GradedAnswers] = field(default_factory=dict)
    # The frozen evaluation split (``content/evaluation/``; see mlinterview.bank.evaluation):
    # never evidence, never training data.
    split: EvaluationSplit | None = None
    evaluation: Mapping[str, GradedAnswers] = field(default_factory=dict)
    # Key points and misconceptions restated and turned around (``content/claims/``; see
    # mlinterview.bank.claims): training sentences for the scorer's reader.
    claims: Mapping[str, ClaimVariants] = field(default_factory=dict)

    @property
    def held_out(self) -> frozenset[str]:
        return frozenset(self.split.held_out) if self.split is not None else frozenset()

    def get(self, slug: str) -> Question:
        try:
            return self.questions[slug]
        except KeyError:
            raise UnknownQuestion(slug) from None

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions.values())

    def __len__(self) -> int:
        return len(self.questions)

    def filter(
        self,
        *,
        set: str | None = None,
        level: str | None = None,
        tag: str | None = None,
    ) -> list[Question]:
        return [
            q
            for q in self.questions.values()
            if (set is None or q.set == set)
            and (level is None or q.level.value == level)
            and (tag is None or tag in q.tags)
        ]


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


# libyaml's safe loader when PyYAML was built with it: the bank loads about 5x faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# What each file's text parsed to, pickled, keyed by a digest of the text: a process that loads the
# bank again (the web app after a content change, the CLI's commands, the test suite) parses only
# the files whose text changed. YAML parsing is most of a load (about 2 of 2.6 s for the shipped
# bank); unpickling gives every caller fresh objects, so nothing loaded is shared or can be changed
# behind another caller's back. Least recently used entries go first past _PARSED_LIMIT.
_PARSED: OrderedDict[bytes, bytes] = OrderedDict()
_PARSED_LIMIT = 20_000


def _parse_yaml_text(text: str) -> Any:
    key = blake2b(text.encode("utf-8"), digest_size=20).digest()
    cached = _PARSED.get(key)
    if cached is not None:
        _PARSED.move_to_end(key)
        return pickle.loads(cached)  # noqa: S301 (bytes this process pickled itself)
    data = yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 (a safe loader)
    _PARSED[key] = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    while len(_PARSED) > _PARSED_LIMIT:
        _PARSED.popitem(last=False)
    return data


def _read_yaml(path: Path, shown: str, errors: list[ContentError]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(ContentError(shown, "", f"cannot read file: {exc}"))
        return None
    try:
        return _parse_yaml_text(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        errors.append(ContentError(shown, "", f"malformed YAML{where}: {problem}"))
        return None


def _read_document(path: Path, shown: str, errors: list[ContentError]) -> Any:
    """A question or graded-answers file's YAML; None (with the error noted) if unreadable or empty."""
    before = len(errors)
    data = _read_yaml(path, shown, errors)
    if data is None and len(errors) == before:
        errors.append(ContentError(shown, "", "file is empty"))
    return data


def _validation_errors(exc: ValidationError, shown: str) -> list[ContentError]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(part) for part in err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        if not loc and ": " in message:
            # Model-level rules name their field as "field: message".
            loc, message = message.split(": ", 1)
        if err["type"] == "missing":
            message = "is required"
        elif err["type"] == "extra_forbidden":
            message = "is not a known field"
            if not loc.strip():  # an empty or blank key: quote it, or the error names no field
                loc = repr(loc)
        out.append(ContentError(shown, loc, message))
    return out


def _parse(model: type[M], data: Any, shown: str, errors: list[ContentError]) -> M | None:
    if not isinstance(data, dict):
        kind = "empty" if data is None else type(data).__name__
        errors.append(ContentError(shown, "", f"expected a mapping of fields, found {kind}"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors.extend(_validation_errors(exc, shown))
        return None


def question_files(root: Path) -> list[Path]:
    folder = root / "questions"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in QUESTION_SUFFIXES and p.is_file())


def load_bank(root: str | Path | None = None) -> Bank:
    """Load and validate everything under ``root`` (default: :func:`default_content_dir`)."""
    root = Path(root) if root is not None else default_content_dir()
    errors: list[ContentError] = []
    if not root.is_dir():
        raise BankError([ContentError(str(root), "", "content folder does not exist")])

    sets: dict[str, QuestionSet] = {}
    sets_file = root / "sets.yaml"
    shown = _relative(sets_file, root)
    raw_sets = _read_yaml(sets_file, shown, errors) if sets_file.is_file() else None
    if not sets_file.is_file():
        errors.append(ContentError(shown, "", "file is missing"))
    elif raw_sets is not None and not isinstance(raw_sets, list):
        errors.append(ContentError(shown, "", "expected a list of sets"))
    else:
        for index, item in enumerate(raw_sets or []):
            parsed = _parse(QuestionSet, item, shown, errors)
            if parsed is None:
                continue
            if parsed.slug in sets:
                errors.append(ContentError(shown, f"{index}.slug", f"duplicate set {parsed.slug!r}"))
            sets[parsed.slug] = parsed

    profile_file = root / "role-profile.yaml"
    shown = _relative(profile_file, root)
    profile = None
    if profile_file.is_file():
        profile = _parse(RoleProfile, _read_yaml(profile_file, shown, errors), shown, errors)
    else:
        errors.append(ContentError(shown, "", "file is missing"))
    skills = {skill.slug for skill in profile.core_skills} if profile else None

    questions: dict[str, Question] = {}
    sources: dict[str, Path] = {}
    unreadable: set[str] = set()
    for path in question_files(root):
        shown = _relative(path, root)
        data = _read_document(path, shown, errors)
        if data is None:
            unreadable.add(path.stem)
            continue
        question = _parse(Question, data, shown, errors)
        if question is None:
            unreadable.add(path.stem)
            continue
        errors.extend(_cross_checks(question, path, shown, sets, skills, questions, sources, root))
        if path.stem == question.slug:  # a misnamed copy must not claim the slug of the file it copies
            questions.setdefault(question.slug, question)
            sources.setdefault(question.slug, path)

    if not questions and not errors:
        errors.append(ContentError(_relative(root / "questions", root), "", "no question files"))
    graded = _load_graded(root, questions, unreadable, errors)
    evaluation = _load_graded(root, questions, unreadable, errors, EVALUATION_FOLDER)
    split = _load_split(root, errors)
    if split is not None:
        shown = _relative(root / SPLIT_FILE, root)
        errors.extend(
            ContentError(shown, where, message)
            for where, message in leaks(split, graded, evaluation, questions)
        )
    claims = _load_claims(root, questions, unreadable, split, errors)
    if errors:
        raise BankError(errors)
    assert profile is not None
    ordered = dict(sorted(questions.items(), key=lambda kv: (list(sets).index(kv[1].set), kv[0])))
    return Bank(
        root=root,
        sets=sets,
        questions=ordered,
        role_profile=profile,
        sources=sources,
        graded=graded,
        split=split,
        evaluation=evaluation,
        claims=claims,
    )


def _load_split(root: Path, errors: list[ContentError]) -> EvaluationSplit | None:
    path = root / SPLIT_FILE
    if not path.is_file():
        return None
    shown = _relative(path, root)
    data = _read_document(path, shown, errors)
    return None if data is None else _parse(EvaluationSplit, data, shown, errors)


def _load_graded(
    root: Path,
    questions: Mapping[str, Question],
    unreadable: set[str],
    errors: list[ContentError],
    folder: str = GRADED_FOLDER,
) -> dict[str, GradedAnswers]:
    """The graded answers under ``root/<folder>``, checked against the questions they grade."""
    graded: dict[str, GradedAnswers] = {}
    first_file: dict[str, str] = {}
    for path in graded_files(root, folder):
        shown = _relative(path, root)
        data = _read_document(path, shown, errors)
        if data is None:
            continue
        answers = _parse(GradedAnswers, data, shown, errors)
        if answers is None:
            continue
        if answers.question in first_file:
            other = first_file[answers.question]
            message = f"duplicate graded answers for {answers.question!r} (also in {other})"
            errors.append(ContentError(shown, "question", message))
            continue
        first_file[answers.question] = shown
        if answers.question in unreadable:
            continue  # the question file has errors of its own; checking against it would only add noise
        problems = cross_check(answers, path, questions)
        errors.extend(ContentError(shown, where, message) for where, message in problems)
        if not problems:
            graded[answers.question] = answers
    return graded


def _load_claims(
    root: Path,
    questions: Mapping[str, Question],
    unreadable: set[str],
    split: EvaluationSplit | None,
    errors: list[ContentError],
) -> dict[str, ClaimVariants]:
    """The claim variants under ``root/claims`` (training sentences for the scorer's reader)."""
    held_out = frozenset(split.held_out) if split is not None else frozenset()
    found: dict[str, ClaimVariants] = {}
    for path in claim_files(root):
        shown = _relative(path, root)
        data = _read_document(path, shown, errors)
        variants = None if data is None else _parse(ClaimVariants, data, shown, errors)
        if variants is None or variants.question in unreadable:
            continue
        if variants.question in found:
            errors.append(ContentError(shown, "question", f"duplicate claims for {variants.question!r}"))
            continue
        problems = check_claims(variants, path, questions, held_out)
        errors.extend(ContentError(shown, where, message) for where, message in problems)
        if not problems:
            found[variants.question] = variants
    return found


def _cross_checks(
    question: Question,
    path: Path,
    shown: str,
    sets: Mapping[str, QuestionSet],
    skills: set[str] | None,
    seen: Mapping[str, Question],
    sources: Mapping[str, Path],
    root: Path,
) -> list[ContentError]:
    errors = []
    if question.slug in seen:
        other = _relative(sources[question.slug], root)
        errors.append(ContentError(shown, "slug", f"duplicate slug {question.slug!r} (also in {other})"))
    if path.stem != question.slug:
        errors.append(
            ContentError(shown, "slug", f"{question.slug!r} does not match the file name {path.name!r}")
        )
    question_set = sets.get(question.set)
    if not sets:
        pass  # sets.yaml itself is broken; its own error says so
    elif question_set is None:
        known = ", ".join(sorted(sets)) or "none declared"
        errors.append(ContentError(shown, "set", f"unknown set {question.set!r} (known: {known})"))
    elif question_set.open_ended and question.signals is None:
        errors.append(ContentError(shown, "signals", "is required for a question in an open-ended set"))
    elif not question_set.open_ended and question.signals is not None:
        errors.append(
            ContentError(shown, "signals", f"only open-ended sets take signals; {question.set!r} is not")
        )
    if skills is not None:
        for index, skill in enumerate(question.skills):
            if skill not in skills:
                errors.append(
                    ContentError(shown, f"skills.{index}", f"unknown skill {skill!r} (see role-profile.yaml)")
                )
    return errors
