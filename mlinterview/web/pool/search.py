"""Staff search of the talent pool: skills with minimum levels, seniority, availability and words
of the headline, ranked and explained.

How a search runs (two or three queries whatever the pool's size):

1. With skills asked for, one grouped query over ``SkillLevel`` picks the profiles that hold every
   asked skill at or above its minimum. Each ``(skill, level >= minimum)`` condition is a range of
   the ``(skill, level, verified_at)`` index; the profile's own filters (years, availability,
   headline words) join in the same query. Without skills the profiles are filtered directly.
2. The page's profiles and all their levels are then read in one query each and explained.

Ranking, with skills: profiles whose asked-for levels are all current come first (each stale one
moves a profile down past every profile with fewer stale ones), then the higher sum of the asked
levels, then the more recent newest verification. Without skills: the newest profiles first.
A level is stale once ``MLINTERVIEW_POOL_LEVEL_VALID_DAYS`` have passed since it was verified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.timesince import timesince

from mlinterview.web.pool import levels, services, skills
from mlinterview.web.pool.models import Profile, SkillLevel

PAGE = 25
COVERING_INDEX = "pool_skill_level_cover"
MAX_WORDS = 5


class SearchError(ValueError):
    """A search the form or the API sent that cannot be run, with a message saying why."""


@dataclass
class Query:
    skills: dict[str, int] = field(default_factory=dict)  # slug -> minimum level (0..4)
    min_years: int | None = None
    max_years: int | None = None
    availability: list[str] = field(default_factory=list)
    text: str = ""
    limit: int = PAGE
    offset: int = 0

    def clean(self) -> Query:
        known = skills.core_skills()
        for slug, minimum in self.skills.items():
            if slug not in known:
                raise SearchError(f"Unknown skill {slug!r}.")
            if not 0 <= minimum <= levels.TOP:
                raise SearchError(f"A minimum level is between 0 and {levels.TOP}.")
        for value in (self.min_years, self.max_years):
            if value is not None and not 0 <= value <= 60:
                raise SearchError("Years of experience are between 0 and 60.")
        unknown = set(self.availability) - set(Profile.Availability.values)
        if unknown:
            raise SearchError(f"Unknown availability {sorted(unknown)[0]!r}.")
        if not 1 <= self.limit <= 100 or self.offset < 0:
            raise SearchError("Ask for 1 to 100 results from a position of 0 or more.")
        return self

    @property
    def words(self) -> list[str]:
        return self.text.split()[:MAX_WORDS]


@dataclass
class Match:
    """One asked-for skill of a result, explained."""

    skill: str
    name: str
    level: int
    questions: int
    exercises: int
    verified_at: datetime
    stale: bool
    explained: str


@dataclass
class Result:
    profile: Profile
    matches: list[Match]
    others: list[Match]  # the profile's other levels, for context
    stale_count: int
    level_sum: int


@dataclass
class Page:
    query: Query
    results: list[Result]
    total: int
    ranked_by: str


def _backing(questions: int, exercises: int) -> str:
    parts = []
    if questions:
        parts.append(f"{questions} question{'s' if questions != 1 else ''}")
    if exercises:
        parts.append(f"{exercises} exercise{'s' if exercises != 1 else ''}")
    return " and ".join(parts) or "no items"


def explain(row: SkillLevel, now: datetime, stale_before: datetime) -> Match:
    """'model evaluation 3/4 from 6 questions, verified 3 weeks ago' (and 'stale' when it is)."""
    name = skills.core_skills().get(row.skill, row.skill)
    stale = row.verified_at < stale_before
    ago = timesince(row.verified_at, now, depth=1).replace("\xa0", " ")
    backing = _backing(row.questions, row.exercises)
    text = f"{name.lower()} {row.level}/{levels.TOP} from {backing}, verified {ago} ago"
    if stale:
        text += " (stale: older than the validity period, ranked lower)"
    return Match(row.skill, name, row.level, row.questions, row.exercises, row.verified_at, stale, text)


def _profile_filters(query: Query, prefix: str = "") -> Q:
    cond = Q()
    if query.min_years is not None:
        cond &= Q(**{f"{prefix}years_experience__gte": query.min_years})
    if query.max_years is not None:
        cond &= Q(**{f"{prefix}years_experience__lte": query.max_years})
    if query.availability:
        cond &= Q(**{f"{prefix}availability__in": query.availability})
    for word in query.words:
        cond &= Q(**{f"{prefix}headline__icontains": word})
    return cond


NO_SKILLS = "newest profiles first (no skills asked for)"
BY_SKILLS = "current levels first, then the higher sum of the asked levels, then the most recently verified"


def _grouped_sql(query: Query, now: datetime) -> tuple[str, list[Any]]:
    """The profiles holding every asked skill at its minimum, one row each with its rank keys.

    Written as SQL because the plan matters at 100,000 profiles: every ``skill = ? AND level >= ?``
    is a range of the covering index (skill, level, verified_at, profile), and the profile's own
    filters are a semi-join on the profiles that pass them. SQLite's planner otherwise prefers
    walking those profiles one by one through the profile_id index (ten times slower), so there
    the covering index is named."""
    table = SkillLevel._meta.db_table
    hint = f" INDEXED BY {COVERING_INDEX}" if connection.vendor == "sqlite" else ""
    stale_before = now - timedelta(days=services.valid_days())
    params: list[Any] = [connection.ops.adapt_datetimefield_value(stale_before)]
    wanted = []
    for slug, minimum in sorted(query.skills.items()):
        wanted.append("(skill = %s AND level >= %s)")
        params += [slug, minimum]
    where = "(" + " OR ".join(wanted) + ")"
    own = _profile_filters(query)
    if own:
        sub_sql, sub_params = Profile.objects.filter(own).order_by().values("pk").query.sql_with_params()
        where += f" AND profile_id IN ({sub_sql})"
        params += list(sub_params)
    params.append(len(query.skills))
    sql = (
        "SELECT profile_id, SUM(CASE WHEN verified_at < %s THEN 1 ELSE 0 END) AS stale,"
        " SUM(level) AS level_sum, MAX(verified_at) AS newest"
        f" FROM {table}{hint} WHERE {where} GROUP BY profile_id HAVING COUNT(*) = %s"
    )
    return sql, params


def ranked_window(query: Query, now: datetime) -> tuple[list[int], int, str]:
    """The ids of the asked page of matching profiles, in rank order; how many match in all; how
    they are ranked, in words."""
    end = query.offset + query.limit
    if not query.skills:
        matching = (
            Profile.objects.filter(_profile_filters(query)).order_by("-pk").values_list("pk", flat=True)
        )
        ids = list(matching[query.offset : end])
        total = query.offset + len(ids) if len(ids) < query.limit else matching.count()
        return ids, total, NO_SKILLS
    sql, params = _grouped_sql(query, now)
    order = "ORDER BY stale ASC, level_sum DESC, newest DESC, profile_id ASC LIMIT %s OFFSET %s"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One pass: PostgreSQL counts the groups with a window at little cost.
            cursor.execute(
                f"SELECT profile_id, COUNT(*) OVER () FROM ({sql}) AS matching {order}",
                [*params, query.limit, query.offset],
            )
            rows = cursor.fetchall()
            ids = [row[0] for row in rows]
            if rows or query.offset == 0:
                return ids, (rows[0][1] if rows else 0), BY_SKILLS
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS matching", params)
            return ids, cursor.fetchone()[0], BY_SKILLS
        # SQLite: its window over the groups costs more than grouping again for the count.
        cursor.execute(f"{sql} {order}", [*params, query.limit, query.offset])
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) < query.limit and (ids or query.offset == 0):
            total = query.offset + len(ids)
        else:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS matching", params)
            total = cursor.fetchone()[0]
    return ids, total, BY_SKILLS


def search(query: Query, now: datetime | None = None) -> Page:
    query = query.clean()
    now = now or timezone.now()
    stale_before = now - timedelta(days=services.valid_days())
    ids, total, ranked_by = ranked_window(query, now)
    profiles = Profile.objects.in_bulk(ids)
    by_profile: dict[int, list[SkillLevel]] = {pk: [] for pk in ids}
    for row in SkillLevel.objects.filter(profile_id__in=ids):
        by_profile[row.profile_id].append(row)
    order = {slug: n for n, slug in enumerate(skills.core_skills())}
    results = []
    for pk in ids:
        if pk not in profiles:  # withdrawn between the two queries
            continue
        explained = sorted(
            (explain(row, now, stale_before) for row in by_profile[pk]), key=lambda m: order.get(m.skill, 99)
        )
        matches = [e for e in explained if e.skill in query.skills]
        others = [e for e in explained if e.skill not in query.skills]
        results.append(
            Result(
                profiles[pk],
                matches,
                others,
                stale_count=sum(e.stale for e in matches),
                level_sum=sum(e.level for e in matches),
            )
        )
    return Page(query, results, total, ranked_by)
