"""The app template of tests/e2e/conftest.py: every app copied from it starts as ``mlinterview setup``
(and, for the browser tests, USERS_SCRIPT) leaves a fresh install, and owns its database, data
directory and secret key, as when each app ran ``setup`` itself."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import TEMPLATE, App, prepared_app
from tests.shipped import shipped_bank

USERNAMES = "SELECT username FROM accounts_user ORDER BY username"
STAFF_ROLES = (
    "SELECT u.username || ':' || g.name FROM accounts_user u"
    " JOIN accounts_user_groups ug ON ug.user_id = u.id JOIN auth_group g ON g.id = ug.group_id"
    " ORDER BY u.username"
)


def _column(app: App, sql: str) -> list[object]:
    conn = app.db()
    try:
        return [row[0] for row in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def _write(app: App, *statements: str) -> None:
    conn = app.db()
    try:
        for sql in statements:
            conn.execute(sql)
        if not app.pg_url:
            conn.commit()  # psycopg's connection is in autocommit
    finally:
        conn.close()


def test_copies_start_as_a_fresh_install_and_keep_their_changes_to_themselves(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    staffed = prepared_app(tmp_path_factory.mktemp("copy-staffed"))
    other = prepared_app(tmp_path_factory.mktemp("copy-other"))
    bare = prepared_app(tmp_path_factory.mktemp("copy-bare"), users=False)
    apps = [staffed, other, bare]
    try:
        # What setup makes: the first administrator and the whole shipped bank; USERS_SCRIPT adds
        # the three staff users, each in their role's group.
        assert _column(bare, USERNAMES) == ["admin"]
        assert _column(staffed, USERNAMES) == ["admin", "iris", "ivan", "rita"]
        assert _column(staffed, STAFF_ROLES) == ["iris:interviewer", "ivan:interviewer", "rita:recruiter"]
        assert set(_column(bare, "SELECT slug FROM questions_question")) == set(shipped_bank().questions)
        static = {path.relative_to(staffed.data_dir) for path in staffed.data_dir.glob("static/**/*.css")}
        assert static and static == {
            path.relative_to(bare.data_dir) for path in bare.data_dir.glob("static/**/*.css")
        }

        # A change in one copy reaches neither the other copies nor the templates they came from.
        _write(staffed, "DELETE FROM accounts_user_groups", "DELETE FROM accounts_user WHERE username='rita'")
        assert _column(staffed, USERNAMES) == ["admin", "iris", "ivan"]
        assert _column(other, USERNAMES) == ["admin", "iris", "ivan", "rita"]
        assert len(_column(other, STAFF_ROLES)) == 3
        assert _column(TEMPLATE.made[True], USERNAMES) == ["admin", "iris", "ivan", "rita"]
        assert _column(bare, USERNAMES) == ["admin"]

        assert len({app.pg_name if app.pg_url else app.data_dir for app in apps}) == 3
        keys = {(app.data_dir / "secret_key").read_text() for app in apps}
        assert len(keys) == 3 and all(len(key) >= 50 for key in keys)
    finally:
        for app in apps:
            app.drop_database()
