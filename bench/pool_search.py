"""Talent pool search at scale (issue 17): N synthetic profiles (100,000 by default) with verified
skill levels, then a set of searches, each run several times; prints p50/p95 per search and writes
JSON to bench/results/pool_search_<database>.json. The target is p95 <= 100 ms per search.

    .venv/bin/python bench/pool_search.py                       # SQLite, a new file in a temp folder
    DATABASE_URL=postgres://... .venv/bin/python bench/pool_search.py   # PostgreSQL (an empty database)
    DATABASE_URL=postgres://... .venv/bin/python bench/pool_search.py --reuse   # time again, no build

Profiles are random but seeded: each holds 3 to 8 of the role profile's core skills at levels
0..4, verified up to two years ago (so some are stale). Rows go in with bulk_create (not timed).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from datetime import timedelta
from typing import Any

from _common import parser, say, table, write

WORDS = [
    "machine learning",
    "data scientist",
    "ML engineer",
    "research engineer",
    "NLP",
    "computer vision",
    "recommender systems",
    "MLOps",
    "statistician",
    "forecasting",
]


def setup(database_url: str | None) -> None:
    if not database_url:
        os.environ.pop("DATABASE_URL", None)
        os.environ["MLINTERVIEW_DATA_DIR"] = tempfile.mkdtemp(prefix="pool-bench-")
    from mlinterview.web.setup import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(n: int, seed: int = 17) -> int:
    """Write n profiles and their levels; returns the number of level rows."""
    from django.db import connection, transaction
    from django.utils import timezone

    from mlinterview.web.pool import skills
    from mlinterview.web.pool.models import Profile, SkillLevel
    from mlinterview.web.pool.search_index import entry_values
    from mlinterview.web.pool.search_models import SearchEntry

    rng = random.Random(seed)
    slugs = list(skills.core_skills())
    availability = [a for a in Profile.Availability.values]
    now = timezone.now()
    if Profile.objects.exists():
        raise SystemExit("the pool is not empty: use a new database (or --reuse to time it again)")
    rows = 0
    batch = 5000
    with transaction.atomic():
        for start in range(0, n, batch):
            profiles = Profile.objects.bulk_create(
                [
                    Profile(
                        email=f"p{i}@bench.example",
                        first_name=f"Person{i}",
                        last_name="Bench",
                        headline=f"{rng.choice(WORDS)} with {rng.choice(WORDS)}",
                        years_experience=rng.randint(0, 25),
                        availability=rng.choice(availability),
                        consent_version="bench",
                        consent_text="bench",
                        consented_at=now,
                    )
                    for i in range(start, min(n, start + batch))
                ],
                batch_size=1000,
            )
            levels = []
            for profile in profiles:
                for slug in rng.sample(slugs, rng.randint(3, 8)):
                    level = rng.choice([0, 1, 2, 2, 3, 3, 3, 4, 4])
                    levels.append(
                        SkillLevel(
                            profile=profile,
                            skill=slug,
                            level=level,
                            mean_score=min(1.0, level / 5 + 0.1),
                            questions=rng.randint(1, 8),
                            exercises=rng.randint(0, 2),
                            verified_at=now - timedelta(days=rng.randint(0, 730)),
                            attempt_ids=[],
                        )
                    )
            SkillLevel.objects.bulk_create(levels, batch_size=2000)
            rows += len(levels)
            # bulk_create sends no signals: search's row per profile is written here.
            held: dict[int, list[SkillLevel]] = {}
            for level in levels:
                held.setdefault(level.profile_id, []).append(level)
            SearchEntry.objects.bulk_create(
                [SearchEntry(profile=p, **entry_values(p, held.get(p.pk, []))) for p in profiles],
                batch_size=2000,
            )
    with connection.cursor() as cursor:
        # Fresh statistics for the planner (and, on PostgreSQL, the visibility map that lets the
        # covering index answer without reading the table).
        # (VACUUM cannot run in a transaction: the small run in the tests has one.)
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    return rows


def searches() -> dict[str, Any]:
    from mlinterview.web.pool import skills
    from mlinterview.web.pool.search import Query

    s = list(skills.core_skills())
    return {
        "one skill >= 3": Query(skills={s[0]: 3}),
        "two skills >= 3": Query(skills={s[0]: 3, s[1]: 3}),
        "three skills >= 2, 5+ years": Query(skills={s[2]: 2, s[3]: 2, s[4]: 2}, min_years=5),
        "two skills = 4, available now": Query(skills={s[5]: 4, s[6]: 4}, availability=["now"]),
        "skill + text 'NLP'": Query(skills={s[1]: 2}, text="NLP"),
        "text only 'vision'": Query(text="vision"),
        "years 10-15, available now": Query(min_years=10, max_years=15, availability=["now"]),
        "rare: four skills = 4": Query(skills={s[0]: 4, s[1]: 4, s[2]: 4, s[3]: 4}),
        "second page, two skills >= 2": Query(skills={s[0]: 2, s[7]: 2}, offset=25),
    }


def run(repeat: int) -> list[dict[str, Any]]:
    from mlinterview.web.pool.search import search

    out = []
    for label, query in searches().items():
        search(query)  # warm the plan and the caches once
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            page = search(query)
            times.append(1000 * (time.perf_counter() - t))
        times.sort()
        out.append(
            {
                "search": label,
                "results": len(page.results),
                "total": page.total,
                "p50_ms": round(statistics.median(times), 2),
                # The same rank as the other benches: with 40 runs the 38th, not the slowest
                # (int(0.95 * n) picked the maximum of 20, so one pause set the "p95").
                "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            }
        )
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = parser(__doc__.splitlines()[0], data=False)
    p.add_argument("--profiles", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=40)
    p.add_argument(
        "--reuse", action="store_true", help="time the searches on the profiles already in DATABASE_URL"
    )
    args = p.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL")
    setup(database_url)
    from django.db import connection

    if args.reuse and database_url:
        from mlinterview.web.pool.models import Profile, SkillLevel

        args.profiles, level_rows, build_s = Profile.objects.count(), SkillLevel.objects.count(), 0.0
        say(f"reusing {args.profiles} profiles on {connection.vendor}")
    else:
        say(f"building {args.profiles} profiles on {connection.vendor} ...")
        t = time.perf_counter()
        level_rows = build(args.profiles)
        build_s = time.perf_counter() - t
    say(f"built in {build_s:.1f} s ({level_rows} levels)")
    rows = run(args.repeat)
    headers = ["search", "results", "total", "p50_ms", "p95_ms"]
    print(table(headers, [[r[h] for h in headers] for r in rows]))
    worst = max(r["p95_ms"] for r in rows)
    print(f"worst p95: {worst:.1f} ms (target 100 ms) on {connection.vendor}")
    results = {
        "database": connection.vendor,
        "profiles": args.profiles,
        "levels": level_rows,
        "build_s": round(build_s, 1),
        "repeat": args.repeat,
        "searches": rows,
        "worst_p95_ms": worst,
        "under_target": worst <= 100,
    }
    name = f"pool_search_{connection.vendor}"
    write(name, results, args.out)
    return results


if __name__ == "__main__":
    main()
