"""bench/pool_search.py at a small size (the 100,000-profile run is by hand: it is a benchmark,
not a test): it builds the profiles and levels it says, and every search it times answers
results that really match the search."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from django.utils import timezone

from mlinterview import REPO_DIR
from mlinterview.web.pool.models import Profile, SkillLevel
from mlinterview.web.pool.search import grouped_window, search

BENCH = REPO_DIR / "bench"
sys.path.insert(0, str(BENCH))  # the bench script imports its neighbour _common
spec = importlib.util.spec_from_file_location("pool_search_bench", BENCH / "pool_search.py")
assert spec is not None and spec.loader is not None
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


@pytest.mark.django_db
def test_small_pool_builds_and_every_search_is_timed_and_right():
    levels = bench.build(300)
    assert Profile.objects.count() == 300 and SkillLevel.objects.count() == levels
    assert 300 * 3 <= levels <= 300 * 8
    rows = bench.run(repeat=3)
    assert [r["search"] for r in rows] == list(bench.searches())
    for row in rows:
        assert 0 < row["p50_ms"] <= row["p95_ms"]
    answered = 0
    for label, query in bench.searches().items():
        page = search(query)
        if query.skills:  # the row per profile gives what grouping the levels gives
            assert ([r.profile.pk for r in page.results], page.total) == grouped_window(
                query.clean(), timezone.now()
            ), label
        assert page.total >= len(page.results), label
        answered += bool(page.results)
        for result in page.results:
            held = {lv.skill: lv.level for lv in result.profile.skill_levels.all()}
            assert all(held.get(s, -1) >= minimum for s, minimum in query.skills.items()), label
            if query.min_years is not None:
                assert result.profile.years_experience >= query.min_years
            if query.availability:
                assert result.profile.availability in query.availability
            assert all(w.lower() in result.profile.headline.lower() for w in query.words), label
    assert answered >= len(rows) - 2  # only the rarest may find nobody among 300
