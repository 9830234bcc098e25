"""The data directory and the SQLite database files, readable by the app's own user only.

The database holds session keys, candidates' answers and hashes of API tokens. Under the usual
umask of 022 a new directory is 0755 and a new file 0644, so any local user could copy them. The
data directory is therefore created 0700, and whenever the app opens an SQLite database its file
and the -wal, -shm and -journal files SQLite keeps beside it are made 0600. SQLite gives the files
it creates later beside a database the database file's own mode, so they come out private too.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import Any

PRIVATE_DIRECTORY = 0o700
PRIVATE_FILE = 0o600
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")

log = logging.getLogger(__name__)


def private_directory(path: Path) -> Path:
    """Create ``path`` (and any missing parents) with ``path`` itself 0700. A directory that exists
    already is left as it is: whoever made it chose its mode."""
    if not path.is_dir():
        path.mkdir(mode=PRIVATE_DIRECTORY, parents=True, exist_ok=True)
        os.chmod(path, PRIVATE_DIRECTORY)  # mkdir's mode is filtered through the umask
    return path


def make_private(path: str | Path) -> None:
    """Take group and other users' access away from ``path`` if it exists."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            os.chmod(path, PRIVATE_FILE)
    except FileNotFoundError:
        pass
    except PermissionError:
        log.warning("cannot make %s private (0600): it belongs to another user", path)


def private_sqlite_files(sender: Any, connection: Any, **kwargs: Any) -> None:
    """A ``connection_created`` receiver: the database a new SQLite connection opened, and the
    files beside it, are made 0600. Other databases and in-memory SQLite are left alone."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    name = str(connection.settings_dict["NAME"])
    for suffix in SQLITE_SUFFIXES:
        make_private(name + suffix)
