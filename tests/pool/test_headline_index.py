"""Headline words in pool search go through a full-text index (``pool/headline_index.py``: FTS5
with trigrams on SQLite, a trigram GIN index on PostgreSQL) and must find exactly what a
case-insensitive "contains every word" finds, by every way search runs (no skills, the row per
profile, the grouped levels), also after headlines are edited, bulk-created or deleted. Runs on
whichever database DATABASE_URL names (SQLite when unset)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone

from mlinterview.web.pool import headline_index, search
from mlinterview.web.pool.models import Profile, SkillLevel

pytestmark = pytest.mark.django_db

EVAL = "model-evaluation"
HEADLINES = [
    "NLP research engineer",
    "Computer Vision lead, MLOps",
    "Data scientist (forecasting), 100%_sure",
    "Statistician",
    'Quote "deep" learning\\back',
    "",
]
WORDS = [
    ["nlp"],
    ["VISION"],
    ["vision", "ml"],
    ["ml"],
    ["ops", "Lead,"],
    ["engineer", "research"],
    ["%"],
    ["100%_"],
    ["_"],
    ['"deep"'],
    ['"'],
    ["\\"],
    ["g\\back"],
    ["sci", "fore", "st"],
    ["ician"],
    ["e"],
    ["zzz"],
    ["nlp", "vision"],
]


def _profiles(headlines: list[str], start: int = 0) -> list[Profile]:
    now = timezone.now()
    profiles = Profile.objects.bulk_create(
        [
            Profile(
                email=f"h{start + n}@example.com",
                first_name=f"H{start + n}",
                headline=headline,
                years_experience=5,
                availability="now",
                consent_version="test",
                consent_text="test",
                consented_at=now,
            )
            for n, headline in enumerate(headlines)
        ]
    )
    for profile in profiles:  # saved one by one, so the row per profile follows
        SkillLevel.objects.create(
            profile=profile,
            skill=EVAL,
            level=2,
            mean_score=0.5,
            questions=3,
            exercises=0,
            verified_at=now,
            attempt_ids=[],
        )
    return profiles


def _expected(words: list[str]) -> set[int]:
    return {p.pk for p in Profile.objects.all() if all(w.lower() in p.headline.lower() for w in words)}


def _found(words: list[str]) -> dict[str, set[int]]:
    """The profiles each way of searching finds for these words."""
    text = " ".join(words)
    now = timezone.now()
    with_skill = search.Query(skills={EVAL: 0}, text=text, limit=100).clean()
    return {
        "subquery": set(Profile.objects.filter(headline_index.words_q(words)).values_list("pk", flat=True)),
        "no skills": {r.profile.pk for r in search.search(search.Query(text=text, limit=100)).results},
        "entries": {r.profile.pk for r in search.search(with_skill).results},
        "grouped": set(search.grouped_window(with_skill, now)[0]),
    }


def _check_all() -> None:
    for words in WORDS:
        expected = _expected(words)
        for way, found in _found(words).items():
            assert found == expected, f"{words} by {way}: {sorted(found)} != {sorted(expected)}"


def test_headline_words_find_the_right_profiles_before_and_after_edits():
    profiles = _profiles(HEADLINES)
    assert _expected(["vision"]) == {profiles[1].pk}  # the reference itself is not empty
    _check_all()

    # Edited by save(), by a queryset update, new ones in bulk, one deleted: the index follows.
    ada, grace = profiles[0], profiles[3]
    ada.headline = "Recommender systems"
    ada.save()
    Profile.objects.filter(pk=grace.pk).update(headline="NLP and vision")
    _profiles(["Forecasting at scale, ml", "research on NLP"], start=len(HEADLINES))
    profiles[1].delete()
    assert _found(["nlp"])["entries"] == {grace.pk} | {
        p.pk for p in Profile.objects.filter(first_name=f"H{len(HEADLINES) + 1}")
    }
    assert ada.pk in _found(["recommender"])["no skills"] and ada.pk not in _found(["research"])["subquery"]
    _check_all()


def test_the_index_answers_the_words():
    """The subquery is answered by the index, not by reading every headline."""
    _profiles(HEADLINES)
    sql, params = headline_index.words_subquery(["vision", "lead"])
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "VIRTUAL TABLE INDEX" in plan and headline_index.FTS_TABLE in plan, plan
            cursor.execute(f"SELECT COUNT(*) FROM {headline_index.FTS_TABLE}")
            assert cursor.fetchone()[0] == Profile.objects.count()
        else:
            cursor.execute("SET LOCAL enable_seqscan = off")  # a table this small is scanned otherwise
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert headline_index.PG_INDEX in plan, plan
