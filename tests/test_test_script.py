"""scripts/test.sh leaves some test files out of the PostgreSQL pass because they never open a
database: check that each still exists and that none of its tests asks for one (a ``django_db``
mark, or a fixture that gives database access), so a database test added to one of them later
fails here instead of silently running on SQLite alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from mlinterview import REPO_DIR

DATABASE_FIXTURES = (
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
)


def _no_database_tests() -> list[str]:
    script = (REPO_DIR / "scripts" / "test.sh").read_text(encoding="utf-8")
    block = re.search(r"^NO_DATABASE_TESTS=\((.*?)\)", script, re.MULTILINE | re.DOTALL)
    assert block, "NO_DATABASE_TESTS is not in scripts/test.sh"
    return block.group(1).split()


PLUGIN = """
import pytest
FIXTURES = set({fixtures!r})
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("django_db") or FIXTURES & set(item.fixturenames):
            print("ASKS-FOR-A-DATABASE", item.nodeid)
"""


def test_the_files_left_out_of_the_postgresql_pass_never_ask_for_a_database(tmp_path):
    files = _no_database_tests()
    assert len(files) >= 5
    for name in files:
        assert (REPO_DIR / name).is_file(), name
    (tmp_path / "asks_for_db.py").write_text(PLUGIN.format(fixtures=DATABASE_FIXTURES))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
        + ["-p", "asks_for_db", *files],
        cwd=REPO_DIR,
        env={**os.environ, "PYTHONPATH": f"{tmp_path}:{REPO_DIR}"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "ASKS-FOR-A-DATABASE" not in result.stdout, result.stdout
    assert re.search(r"^\d+ tests collected", result.stdout, re.MULTILINE), result.stdout[-500:]
