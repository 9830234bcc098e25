"""A fresh install keeps its data private (issue 14, finding 7).

The SQLite database holds session keys, candidates' answers and API token hashes, so no other
local user may read it: the data directory is created 0700 and the database with its -wal and
-shm files 0600, even under the usual umask of 022 (which leaves new files world-readable).
The install runs for real in a child process: settings from the environment, ``migrate`` and a
session written, with the connection kept open while its files are checked here.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler

from mlinterview import REPO_DIR

# Set up Django as the CLI does, migrate, write a session, then wait with the connection open.
INSTALL = """
from mlinterview.web.setup import setup_django
setup_django()
from django.core.management import call_command
from django.contrib.sessions.backends.db import SessionStore
call_command("migrate", interactive=False, verbosity=0)
session = SessionStore()
session["user"] = "someone"
session.create()
print("written", flush=True)
input()
"""


def _mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


@pytest.mark.parametrize(
    "secret_key", [None, "k" * 30 + "-set-by-the-administrator-" + "q" * 20], ids=["key-file", "key-set"]
)
def test_a_fresh_install_creates_its_data_directory_and_database_private(tmp_path, secret_key):
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "MLINTERVIEW_SECRET_KEY"}}
    env.update(MLINTERVIEW_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="mlinterview.web.settings")
    if secret_key:  # then no key file is written, and the data directory is made for the database
        env["MLINTERVIEW_SECRET_KEY"] = secret_key
    child = subprocess.Popen(
        [sys.executable, "-c", INSTALL],
        cwd=REPO_DIR,
        env=env,
        umask=0o022,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        if child.stdout.readline().strip() != "written":
            pytest.fail(f"the install failed: {child.communicate(timeout=60)[1][-3000:]}")
        written = sorted(p.name for p in data.iterdir())
        assert {"mlinterview.sqlite3", "mlinterview.sqlite3-wal", "mlinterview.sqlite3-shm"} <= set(written)
        modes = {name: _mode(data / name) for name in written}
        expected = {name: "0o600" for name in written}
        assert (_mode(data), modes) == ("0o700", expected)
        assert ("secret_key" in written) == (secret_key is None)
    finally:
        if child.returncode is None:
            child.communicate("\n", timeout=60)
    assert child.returncode == 0


def test_an_existing_database_left_readable_is_made_private_when_the_app_opens_it(
    tmp_path, django_db_blocker
):
    """Installs from before this fix: their database, WAL and SHM files were 0644."""
    db = tmp_path / "old.sqlite3"
    previous = os.umask(0o022)
    try:
        other = sqlite3.connect(db)  # an older connection, kept open so the -wal and -shm stay
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("CREATE TABLE t (x)")
        other.commit()
    finally:
        os.umask(previous)
    files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
    assert [_mode(f) for f in files] == ["0o644"] * 3
    connections = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(db)}})
    try:
        with django_db_blocker.unblock():
            connections["default"].ensure_connection()
            connections["default"].close()
        assert [_mode(f) for f in files] == ["0o600"] * 3
    finally:
        other.close()


def test_an_in_memory_database_is_left_alone(tmp_path, django_db_blocker):
    connections = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}})
    with django_db_blocker.unblock():
        connections["default"].ensure_connection()  # no file to change, and no error
        connections["default"].close()
