"""Idempotent import of a validated bank into the database.

Running it twice on the same content changes nothing. A changed question gets a new version;
its id and slug stay. A question that disappeared from the content is retired (kept, hidden).
All of it happens in one transaction: an import never leaves the bank half-updated.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import transaction

from mlinterview.bank import Bank
from mlinterview.bank.schema import Question as QuestionContent
from mlinterview.web.questions import models


def content_hash(data: Any) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def question_data(question: QuestionContent) -> dict[str, Any]:
    return question.model_dump(mode="json", by_alias=True, exclude_none=True)


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    sets: int = 0
    role_profile_changed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def changed(self) -> bool:
        return bool(
            self.created or self.updated or self.retired or self.restored or self.role_profile_changed
        )

    def summary(self) -> str:
        line = (
            f"imported {self.sets} sets: {len(self.created)} new, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.retired)} retired"
        )
        if self.restored:
            line += f", {len(self.restored)} restored"
        if self.role_profile_changed:
            line += "; role profile updated"
        return line


@transaction.atomic
def import_bank(bank: Bank) -> ImportReport:
    report = ImportReport()
    set_rows = {}
    for position, qset in enumerate(bank.sets.values()):
        row, _ = models.QuestionSet.objects.update_or_create(
            slug=qset.slug,
            defaults={
                "title": qset.title,
                "description": qset.description,
                "open_ended": qset.open_ended,
                "position": position,
            },
        )
        set_rows[qset.slug] = row
    report.sets = len(set_rows)

    existing = {q.slug: q for q in models.Question.objects.select_related("current_version")}
    new: list[tuple[models.Question, str, dict[str, Any], str]] = []
    for slug, content in bank.questions.items():
        data = question_data(content)
        digest = content_hash(data)
        source = str(bank.sources.get(slug, ""))
        row = existing.get(slug)
        fields = {
            "question_set": set_rows[content.set],
            "title": content.title,
            "level": content.level.value,
            "tags": list(content.tags),
            "minutes": content.minutes,
        }
        if row is None:
            new.append((models.Question(slug=slug, **fields), digest, data, source))
            report.created.append(slug)
            continue
        current = row.current_version
        # A question retired as leaked stays retired whatever the content says.
        fields["retired"] = row.leaked_at is not None
        was_retired = row.retired and row.leaked_at is None
        if current is not None and current.content_hash == digest:
            if was_retired:
                row.retired = False
                row.save(update_fields=["retired", "updated_at"])
                report.restored.append(slug)
            else:
                report.unchanged.append(slug)
            continue
        for name, value in fields.items():
            setattr(row, name, value)
        row.save()
        number = (current.number if current else 0) + 1
        _add_version(row, number, digest, data, source)
        report.updated.append(slug)

    _create_all(new)

    gone = [slug for slug, row in existing.items() if slug not in bank.questions and not row.retired]
    models.Question.objects.filter(slug__in=gone).update(retired=True)
    report.retired = sorted(gone)

    profile = bank.role_profile.model_dump(mode="json")
    profile_digest = content_hash(profile)
    current_profile = models.RoleProfile.current()
    if current_profile is None or current_profile.content_hash != profile_digest:
        models.RoleProfile.objects.create(content_hash=profile_digest, data=profile)
        report.role_profile_changed = True
    return report


def _add_version(row: models.Question, number: int, digest: str, data: dict[str, Any], source: str) -> None:
    version = models.QuestionVersion.objects.create(
        question=row, number=number, content_hash=digest, data=data, source_path=source
    )
    row.current_version = version
    row.save(update_fields=["current_version"])


def _create_all(new: list[tuple[models.Question, str, dict[str, Any], str]]) -> None:
    """Questions that were not in the database yet, each with its first version, in three bulk
    statements rather than three per question (a first import of the whole bank took seconds)."""
    if not new:
        return
    questions = models.Question.objects.bulk_create([row for row, *_ in new])
    versions = models.QuestionVersion.objects.bulk_create(
        models.QuestionVersion(question=row, number=1, content_hash=digest, data=data, source_path=source)
        for row, (_, digest, data, source) in zip(questions, new, strict=True)
    )
    for row, version in zip(questions, versions, strict=True):
        row.current_version = version
    models.Question.objects.bulk_update(questions, ["current_version"])
