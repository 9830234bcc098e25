"""Staff search of the talent pool: skills with minimum levels, seniority, availability and words
of the headline, ranked and explained.

How a search runs (two to four queries whatever the pool's size):

1. With skills asked for, one query scans ``SearchEntry``, one narrow row per profile holding its
   levels as bits (``search_models.py``): "every asked skill at or above its minimum" is one bit
   test, the sum of the asked levels a count of bits, staleness from the slots' dates; years and
   availability are on the row, headline words a semi-join on a full-text index of the headlines
   (``headline_index.py``: FTS5 on SQLite, a trigram index on PostgreSQL). Ranked and cut to the
   page in the database, with the number of matches (a window on PostgreSQL, a second count on
   SQLite). A skill without a slot falls back on grouping the ``SkillLevel`` rows
   (``grouped_window``, which the tests also use to check the entries). Without skills the
   profiles are filtered directly.
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

from mlinterview.web.pool import headline_index, levels, search_index, services, skills
from mlinterview.web.pool.models import Profile, SkillLevel
from mlinterview.web.pool.search_models import SearchEntry

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
    if query.words:
        cond &= headline_index.words_q(query.words, prefix)
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


def _entry_sql(query: Query, now: datetime) -> tuple[str, list[Any], str, list[Any]]:
    """(select, its params, where, its params) over the one row per profile (``SearchEntry``):
    the asked levels are one bit test, their sum a count of bits, staleness from the slots'
    verification dates. A scan of narrow rows, without grouping."""
    slot_of = search_index.slots()
    cut = connection.ops.adapt_datetimefield_value(now - timedelta(days=services.valid_days()))
    required, stale, total, dates, where = 0, [], [], [], []
    for slug, minimum in sorted(query.skills.items()):
        slot = slot_of[slug]
        required |= search_index.bits(slot, minimum)
        stale.append(f"(CASE WHEN v{slot} < %s THEN 1 ELSE 0 END)")
        total += [f"((mask >> {4 * slot + step}) & 1)" for step in range(4)]
        dates.append(f"v{slot}")
        where.append(f"v{slot} IS NOT NULL")
    newest = (
        dates[0]
        if len(dates) == 1
        else ("MAX" if connection.vendor == "sqlite" else "GREATEST") + (f"({', '.join(dates)})")
    )
    select = (
        f"SELECT profile_id, {' + '.join(stale)} AS stale, {' + '.join(total)} AS level_sum,"
        f" {newest} AS newest"
    )
    where_params: list[Any] = []
    if required:
        where.append(f"(mask & {int(required)}) = {int(required)}")
    if query.min_years is not None:
        where.append("years_experience >= %s")
        where_params.append(query.min_years)
    if query.max_years is not None:
        where.append("years_experience <= %s")
        where_params.append(query.max_years)
    if query.availability:
        where.append(f"availability IN ({', '.join(['%s'] * len(query.availability))})")
        where_params += list(query.availability)
    if query.words:
        sub_sql, sub_params = headline_index.words_subquery(query.words)
        where.append(f"profile_id IN ({sub_sql})")
        where_params += sub_params
    body = f" FROM {SearchEntry._meta.db_table} WHERE {' AND '.join(where)}"
    return select, [cut] * len(stale), body, where_params


def _entry_window(query: Query, now: datetime) -> tuple[list[int], int]:
    select, select_params, body, where_params = _entry_sql(query, now)
    order = " ORDER BY stale ASC, level_sum DESC, newest DESC, profile_id ASC LIMIT %s OFFSET %s"
    window = [query.limit, query.offset]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"{select}, COUNT(*) OVER () AS matching{body}{order}",
                [*select_params, *where_params, *window],
            )
            rows = cursor.fetchall()
            if rows or query.offset == 0:
                return [row[0] for row in rows], (rows[0][4] if rows else 0)
            cursor.execute(f"SELECT COUNT(*){body}", where_params)
            return [], cursor.fetchone()[0]
        cursor.execute(f"{select}{body}{order}", [*select_params, *where_params, *window])
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) < query.limit and (ids or query.offset == 0):
            return ids, query.offset + len(ids)
        cursor.execute(f"SELECT COUNT(*){body}", where_params)
        return ids, cursor.fetchone()[0]


def ranked_window(query: Query, now: datetime) -> tuple[list[int], int, str]:
    """The ids of the asked page of matching profiles, in rank order; how many match in all; how
    they are ranked, in words."""
    end = query.offset + query.limit
    if not query.skills:
        if query.words:  # the headline is on the profile: filter the profiles themselves
            matching = (
                Profile.objects.filter(_profile_filters(query)).order_by("-pk").values_list("pk", flat=True)
            )
        else:  # the entries carry years and availability: a scan of narrow rows, newest first
            entries = SearchEntry.objects.all()
            if query.min_years is not None:
                entries = entries.filter(years_experience__gte=query.min_years)
            if query.max_years is not None:
                entries = entries.filter(years_experience__lte=query.max_years)
            if query.availability:
                entries = entries.filter(availability__in=query.availability)
            matching = entries.order_by("-profile_id").values_list("profile_id", flat=True)
        ids = list(matching[query.offset : end])
        total = query.offset + len(ids) if len(ids) < query.limit else matching.count()
        return ids, total, NO_SKILLS
    if all(slug in search_index.slots() for slug in query.skills):
        ids, total = _entry_window(query, now)
    else:  # a skill beyond the entry's slots: group the level rows instead
        ids, total = grouped_window(query, now)
    return ids, total, BY_SKILLS


def grouped_window(query: Query, now: datetime) -> tuple[list[int], int]:
    """The page the entries give, worked out from the level rows themselves (grouped): used for a
    skill without a slot, and by the tests to check the entries against the levels."""
    sql, params = _grouped_sql(query, now)
    order = "ORDER BY stale ASC, level_sum DESC, newest DESC, profile_id ASC LIMIT %s OFFSET %s"
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} {order}", [*params, query.limit, query.offset])
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) < query.limit and (ids or query.offset == 0):
            return ids, query.offset + len(ids)
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS matching", params)
        return ids, cursor.fetchone()[0]


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
