"""Words of a profile's headline, found through an index instead of a scan of every profile.

Search asks for profiles whose headline contains every given word, anywhere and whatever the
case ("vision" finds "Computer Vision", "ML" finds "MLOps"): a substring test, as the ``icontains``
it replaces. ``words_subquery`` gives the SQL of that set of profile ids and ``words_q`` a filter
on the profiles themselves, so callers (``search.py``) never need to know which database they run
on:

- SQLite: an FTS5 table with the ``trigram`` tokenizer (``FTS_TABLE``, one row per profile, its
  rowid the profile's id), filled and kept in step by triggers on the profiles, so that
  ``bulk_create``, queryset updates and cascading deletes are followed too (no signal sees those).
  A word of three characters or more is a quoted phrase of its trigrams, which the index answers
  as "contains this, case folded"; a shorter word has no trigram, and is a ``LIKE`` over the rows
  the longer words left (or over the profiles, when all words are short).
- PostgreSQL: ``UPPER(headline) LIKE UPPER(pattern)``, as ``icontains`` writes it, which a GIN
  trigram index (``pg_trgm``) on that expression answers; without the extension (a database role
  that may not create it) the same query scans, with the same results.

Both are created by migration ``0004_headline_index``. On SQLite, a migration that rebuilds the
profiles' table (Django does so to alter most columns there) drops the triggers with the old
table: such a migration must call ``install`` again afterwards. The test of headline search after
an edit (``tests/pool/test_headline_index.py``) runs on the migrated database, so it would notice.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.db.models.expressions import RawSQL

PROFILES = "pool_profile"
FTS_TABLE = "pool_profile_headline"
PG_INDEX = "pool_profile_headline_trgm"
TRIGRAM = 3  # the shortest word the trigram indexes can look up

SQLITE_INSTALL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(headline, tokenize = 'trigram')",
    f"DELETE FROM {FTS_TABLE}",
    f"INSERT INTO {FTS_TABLE} (rowid, headline) SELECT id, headline FROM {PROFILES}",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON {PROFILES} BEGIN
        INSERT INTO {FTS_TABLE} (rowid, headline) VALUES (new.id, new.headline);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF id, headline ON {PROFILES} BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
        INSERT INTO {FTS_TABLE} (rowid, headline) VALUES (new.id, new.headline);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON {PROFILES} BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
    END""",
]
SQLITE_REMOVE = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def install(connection: Any) -> None:
    """Create the index for this database (and, on SQLite, fill it from the profiles)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for statement in SQLITE_INSTALL:
                cursor.execute(statement)
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            if cursor.fetchone() is None:
                try:  # a savepoint: a role without the right leaves the migration's transaction usable
                    cursor.execute("SAVEPOINT headline_trgm")
                    cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                    cursor.execute("RELEASE SAVEPOINT headline_trgm")
                except Exception:
                    cursor.execute("ROLLBACK TO SAVEPOINT headline_trgm")
                    return  # the LIKE then scans: slower, same results
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON {PROFILES}"
                " USING gin ((UPPER(headline::text)) gin_trgm_ops)"
            )
            cursor.execute(f"ANALYZE {PROFILES}")  # statistics of the indexed expression, for the planner


def remove(connection: Any) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for statement in SQLITE_REMOVE:
                cursor.execute(statement)
        elif connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")  # the extension may serve others: kept


def _like(word: str) -> str:
    """A LIKE pattern for 'contains word', with backslash escaping its wildcards."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _phrase(word: str) -> str:
    """An FTS5 string literal: inside double quotes only a double quote is special (doubled)."""
    return '"' + word.replace('"', '""') + '"'


def words_subquery(words: list[str], connection: Any = None) -> tuple[str, list[Any]]:
    """(SQL selecting the ids of the profiles whose headline contains every word, its params)."""
    if connection is None:
        from django.db import connection
    if not words:
        raise ValueError("no words to look for")
    if connection.vendor == "sqlite":
        long = [w for w in words if len(w) >= TRIGRAM]
        short = [w for w in words if len(w) < TRIGRAM]
        likes = ["headline LIKE %s ESCAPE '\\'" for _ in short]
        if long:
            where = [f"{FTS_TABLE} MATCH %s", *likes]
            sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {' AND '.join(where)}"
            return sql, [" ".join(_phrase(w) for w in long), *(_like(w) for w in short)]
        return f"SELECT id FROM {PROFILES} WHERE {' AND '.join(likes)}", [_like(w) for w in short]
    # The expression of Django's icontains, which the index is built on. OFFSET 0 keeps the
    # subquery whole: the planner then makes the set of ids once (from the index) and joins it,
    # instead of testing the headline of each row another filter left, one by one, which it
    # prefers when it underestimates those rows (it cannot estimate the level bits' test).
    where = " AND ".join("UPPER(headline::text) LIKE UPPER(%s)" for _ in words)
    return f"SELECT id FROM {PROFILES} WHERE {where} OFFSET 0", [_like(w) for w in words]


def words_q(words: list[str], prefix: str = "") -> Q:
    """A filter on profiles (or, with ``prefix``, on what leads to one) keeping those whose
    headline has every word. On PostgreSQL that is ``icontains`` itself, which the index is built
    for; on SQLite the ids the FTS table gives."""
    from django.db import connection

    if connection.vendor == "sqlite":
        sql, params = words_subquery(words, connection)
        return Q(**{f"{prefix}pk__in": RawSQL(sql, params)})
    cond = Q()
    for word in words:
        cond &= Q(**{f"{prefix}headline__icontains": word})
    return cond
