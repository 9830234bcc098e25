"""Fixtures shared by the worker tests."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workers.test_rq import Redis


@pytest.fixture
def redis() -> Iterator[Redis]:
    """A Redis server of the test's own, on a unix socket."""
    # Directly under /tmp rather than in tmp_path: a unix socket's path is limited to ~100 bytes.
    folder = Path(tempfile.mkdtemp(prefix="mlinterview-redis-"))
    server = Redis(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
