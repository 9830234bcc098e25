"""Counts over the bank, and the map from the role's core skills to the questions that assess them."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from mlinterview.bank.loader import Bank
from mlinterview.bank.schema import Level

# The level mix the bank aims for when content/quality.yaml sets none.
TARGET_LEVEL_SHARES = {Level.junior: 0.30, Level.mid: 0.45, Level.senior: 0.25}


@dataclass
class SkillCoverage:
    slug: str
    name: str
    questions: list[str]
    by_level: dict[str, int]

    @property
    def count(self) -> int:
        return len(self.questions)


@dataclass
class BankStats:
    total: int
    by_set: dict[str, int]
    by_level: dict[str, int]
    level_shares: dict[str, float]
    level_targets: dict[str, float]
    by_tag: dict[str, int]
    open_ended: int
    reviewed: int
    coverage: list[SkillCoverage] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    def as_dict(self, with_coverage: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if with_coverage:
            for item in data["coverage"]:
                item["count"] = len(item["questions"])
        else:
            data.pop("coverage")
            data.pop("unmapped")
        return data


def bank_stats(bank: Bank) -> BankStats:
    from mlinterview.bank.quality import load_policy

    targets = load_policy(bank.root).level_targets or TARGET_LEVEL_SHARES
    questions = list(bank)
    total = len(questions)
    levels = Counter(q.level.value for q in questions)
    tags = Counter(tag for q in questions for tag in q.tags)
    coverage = []
    for skill in bank.role_profile.core_skills:
        matching = [q for q in questions if skill.slug in q.skills]
        coverage.append(
            SkillCoverage(
                slug=skill.slug,
                name=skill.name,
                questions=[q.slug for q in matching],
                by_level={level.value: sum(q.level == level for q in matching) for level in Level},
            )
        )
    return BankStats(
        total=total,
        by_set={slug: sum(q.set == slug for q in questions) for slug in bank.sets},
        by_level={level.value: levels.get(level.value, 0) for level in Level},
        level_shares={
            level.value: round(levels.get(level.value, 0) / total, 4) if total else 0.0 for level in Level
        },
        level_targets={level.value: targets.get(level, 0.0) for level in Level},
        by_tag=dict(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))),
        open_ended=sum(q.open_ended for q in questions),
        reviewed=sum(q.reviewed is not None for q in questions),
        coverage=coverage,
        unmapped=[q.slug for q in questions if not q.skills],
    )
