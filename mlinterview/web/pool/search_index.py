"""Keeps ``SearchEntry`` (search_models.py) in step with the profiles and their levels."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from mlinterview.web.pool import skills
from mlinterview.web.pool.models import Profile, SkillLevel
from mlinterview.web.pool.search_models import SLOTS, SearchEntry


@lru_cache(maxsize=1)
def slots() -> dict[str, int]:
    """slug -> slot of the core skills (slug order), for the first ``SLOTS`` of them."""
    return {slug: n for n, slug in enumerate(sorted(skills.core_skills())) if n < SLOTS}


def bits(slot: int, level: int) -> int:
    """The bits that say 'at least 1' .. 'at least level' in a slot."""
    return sum(1 << (4 * slot + step) for step in range(min(level, 4)))


def entry_values(profile: Profile, levels: list[SkillLevel]) -> dict[str, Any]:
    values: dict[str, Any] = {
        "mask": 0,
        "years_experience": profile.years_experience,
        "availability": profile.availability,
        **{f"v{n}": None for n in range(SLOTS)},
    }
    for row in levels:
        slot = slots().get(row.skill)
        if slot is not None:
            values["mask"] |= bits(slot, row.level)
            values[f"v{slot}"] = row.verified_at
    return values


def refresh(profile_id: int, create: bool = True) -> None:
    """Write the profile's entry again; with create=False only an existing entry is changed (a
    level deleted along with its profile must not bring the entry back)."""
    profile = Profile.objects.filter(pk=profile_id).first()
    if profile is None:
        return
    values = entry_values(profile, list(SkillLevel.objects.filter(profile_id=profile_id)))
    if create:
        SearchEntry.objects.update_or_create(profile_id=profile_id, defaults=values)
    else:
        SearchEntry.objects.filter(profile_id=profile_id).update(**values)


def on_level_saved(sender: Any = None, instance: SkillLevel | None = None, **kwargs: Any) -> None:
    if instance is not None:
        refresh(instance.profile_id)


def on_level_deleted(sender: Any = None, instance: SkillLevel | None = None, **kwargs: Any) -> None:
    if instance is not None:
        refresh(instance.profile_id, create=False)


def on_profile_saved(sender: Any = None, instance: Profile | None = None, **kwargs: Any) -> None:
    if instance is not None and not kwargs.get("raw"):
        refresh(instance.pk)
