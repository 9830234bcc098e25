"""Quality gates that look across questions, beyond what one file's schema can check.

- near-duplicate questions: the embeddings of two questions' title and prompt are closer than a
  threshold, unless the pair is on the allow-list of intentional pairs;
- restated key points: two key points of one question that say the same thing (close embeddings
  *and* mostly the same words, so that "type I is a false positive" and "type II is a false
  negative" are not mistaken for each other);
- misconceptions that restate a key point: compared word by word in order, because a good
  misconception is deliberately close to a key point (same words, two concepts swapped) and an
  embedding cannot tell a swap from a paraphrase;
- key points that bundle a list of four or more parallel items without saying how many of them
  earn the point (``mlinterview.bank.enumeration``): an error, or a warning while
  ``bundled_key_points: warning`` in the policy lets content be fixed first;
- a minimum size for every set, and the level balance against a target (reported).

The policy (thresholds, targets, allow-list) lives in ``content/quality.yaml`` beside the content,
so it is reviewed like the content. Without that file only the per-question checks run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mlinterview.bank.enumeration import enumeration
from mlinterview.bank.loader import Bank, BankError, ContentError, _parse, _read_yaml, _relative
from mlinterview.bank.schema import Level, Question
from mlinterview.bank.search import tokenize

Embedder = Callable[[Sequence[str]], Any]

POLICY_FILE = "quality.yaml"


class QualityPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    near_duplicate_threshold: float = Field(default=0.9, gt=0, le=1)
    restated_key_point_similarity: float = Field(default=0.9, gt=0, le=1)
    restated_key_point_overlap: float = Field(default=0.75, gt=0, le=1)
    misconception_overlap: float = Field(default=0.9, gt=0, le=1)
    min_set_size: int = Field(default=0, ge=0)
    level_targets: dict[Level, float] = Field(default_factory=dict)
    level_tolerance: float = Field(default=0.05, ge=0, le=1)
    allow_near_duplicates: list[tuple[str, str]] = Field(default_factory=list)
    bundled_key_points: Literal["error", "warning"] = "error"


def load_policy(root: Path) -> QualityPolicy:
    """The policy in ``root/quality.yaml`` (defaults without the file); ``BankError`` naming the
    file and field when it is malformed, so that a typo never switches a gate off silently."""
    path = root / POLICY_FILE
    if not path.is_file():
        return QualityPolicy()
    shown = _relative(path, root)
    errors: list[ContentError] = []
    data = _read_yaml(path, shown, errors)
    policy = None if errors else _parse(QualityPolicy, {} if data is None else data, shown, errors)
    if policy is None:
        raise BankError(errors)
    return policy


@dataclass
class QualityReport:
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    level_shares: dict[str, float] = field(default_factory=dict)
    set_sizes: dict[str, int] = field(default_factory=dict)
    closest_pairs: list[tuple[str, str, float]] = field(default_factory=list)


def _shown(bank: Bank, slug: str) -> str:
    path = bank.sources.get(slug)
    if path is None:
        return slug
    try:
        return str(path.relative_to(bank.root.parent))
    except ValueError:
        return str(path)


def word_overlap(a: str, b: str) -> float:
    """How much two sentences share their content words in the same order (0 to 1)."""
    left, right = tokenize(a), tokenize(b)
    if not left or not right:
        return 0.0
    return SequenceMatcher(a=left, b=right, autojunk=False).ratio()


def question_text(question: Question) -> str:
    return f"{question.title}. {question.prompt}"


def bundled_key_points(question: Question, shown: str) -> list[ContentError]:
    """Key points that list four or more parallel items and do not say how many earn the point."""
    found = []
    for i, point in enumerate(question.key_points):
        listed = enumeration(point)
        if listed.bundled:
            found.append(
                ContentError(
                    shown,
                    f"key_points.{i}",
                    f"bundles {listed.items} items; split it into separate key points or say how many "
                    "of them earn the point (e.g. 'naming any two of these earns the point')",
                )
            )
    return found


def check_question(
    question: Question, policy: QualityPolicy, embed: Embedder | None, shown: str
) -> list[ContentError]:
    """Checks within one question: restated key points, misconceptions restating key points, and
    bundled key points when the policy makes them errors (see :func:`question_warnings`)."""
    errors = []
    if policy.bundled_key_points == "error":
        errors.extend(bundled_key_points(question, shown))
    for i, claim in enumerate(question.misconceptions):
        for j, point in enumerate(question.key_points):
            if word_overlap(claim.claim, point) >= policy.misconception_overlap:
                errors.append(ContentError(shown, f"misconceptions.{i}.claim", f"restates key point {j}"))
        if word_overlap(claim.claim, claim.correction) >= policy.misconception_overlap:
            errors.append(ContentError(shown, f"misconceptions.{i}.correction", "repeats the claim"))
    points = question.key_points
    if embed is not None and len(points) > 1:
        vectors = embed(points)
        similarity = vectors @ vectors.T
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                if (
                    similarity[i, j] >= policy.restated_key_point_similarity
                    and word_overlap(points[i], points[j]) >= policy.restated_key_point_overlap
                ):
                    errors.append(
                        ContentError(
                            shown,
                            f"key_points.{j}",
                            f"restates key point {i} (similarity {similarity[i, j]:.2f})",
                        )
                    )
    return errors


def question_warnings(question: Question, policy: QualityPolicy, shown: str) -> list[ContentError]:
    """What the policy reports without failing: bundled key points while they are a warning."""
    return bundled_key_points(question, shown) if policy.bundled_key_points == "warning" else []


def _batched(embed: Embedder, texts: Sequence[str]) -> Embedder:
    """Embed every text the checks will ask for in one batch (one call per question was the
    slow part of validating a large bank); texts not seen here fall through to ``embed``."""
    unique = list(dict.fromkeys(texts))
    vectors = embed(unique)
    row = {text: i for i, text in enumerate(unique)}

    def lookup(wanted: Sequence[str]) -> Any:
        if all(text in row for text in wanted):
            return vectors[[row[text] for text in wanted]]
        return embed(wanted)

    return lookup


def check_bank(bank: Bank, embed: Embedder | None, policy: QualityPolicy | None = None) -> QualityReport:
    policy = policy or load_policy(bank.root)
    report = QualityReport()
    questions = list(bank)
    if embed is not None:
        embed = _batched(
            embed, [p for q in questions for p in q.key_points] + [question_text(q) for q in questions]
        )
    for question in questions:
        report.errors.extend(check_question(question, policy, embed, _shown(bank, question.slug)))
        report.warnings.extend(question_warnings(question, policy, _shown(bank, question.slug)))

    sizes = Counter(q.set for q in questions)
    report.set_sizes = {slug: sizes.get(slug, 0) for slug in bank.sets}
    sets_file = str((bank.root / "sets.yaml").relative_to(bank.root.parent))
    for slug, size in report.set_sizes.items():
        if size < policy.min_set_size:
            report.errors.append(
                ContentError(sets_file, slug, f"has {size} questions, the minimum is {policy.min_set_size}")
            )

    levels = Counter(q.level for q in questions)
    total = max(len(questions), 1)
    report.level_shares = {level.value: levels.get(level, 0) / total for level in Level}
    for level, target in policy.level_targets.items():
        share = report.level_shares[level.value]
        if abs(share - target) > policy.level_tolerance:
            report.errors.append(
                ContentError(
                    "content/questions",
                    "level",
                    f"{level.value} questions are {share:.0%} of the bank, target {target:.0%} "
                    f"± {policy.level_tolerance:.0%}",
                )
            )

    if embed is not None and len(questions) > 1:
        allowed = {frozenset(pair) for pair in policy.allow_near_duplicates}
        vectors = embed([question_text(q) for q in questions])
        similarity = vectors @ vectors.T
        pairs = []
        for i in range(len(questions)):
            for j in range(i + 1, len(questions)):
                pairs.append((float(similarity[i, j]), i, j))
        pairs.sort(reverse=True)
        report.closest_pairs = [(questions[i].slug, questions[j].slug, round(s, 3)) for s, i, j in pairs[:10]]
        for score, i, j in pairs:
            if score < policy.near_duplicate_threshold:
                break
            a, b = questions[i].slug, questions[j].slug
            if frozenset((a, b)) in allowed:
                continue
            report.errors.append(
                ContentError(
                    _shown(bank, b),
                    "prompt",
                    f"near-duplicate of {a!r} (similarity {score:.2f}); "
                    f"reword one, or allow the pair in {POLICY_FILE}",
                )
            )
    return report
