"""Shared fixtures: a scratch copy of the content folder that a test may break on purpose."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlinterview import REPO_DIR

CONTENT = REPO_DIR / "content"
EXEMPLAR = CONTENT / "questions" / "fundamentals" / "type-1-vs-type-2-errors.yaml"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """sets.yaml, role-profile.yaml and one valid question, in a folder of their own."""
    root = tmp_path / "content"
    (root / "questions" / "fundamentals").mkdir(parents=True)
    shutil.copy(CONTENT / "sets.yaml", root / "sets.yaml")
    shutil.copy(CONTENT / "role-profile.yaml", root / "role-profile.yaml")
    shutil.copy(EXEMPLAR, root / "questions" / "fundamentals" / EXEMPLAR.name)
    return root


@pytest.fixture
def exemplar_data() -> dict[str, Any]:
    return yaml.safe_load(EXEMPLAR.read_text())


@pytest.fixture
def write_question(content_copy: Path) -> Callable[..., Path]:
    """Write a question file (a dict, or raw text) into the scratch content."""

    def write(data: dict[str, Any] | str, name: str | None = None, folder: str = "fundamentals") -> Path:
        if isinstance(data, dict):
            name = name or f"{data['slug']}.yaml"
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        else:
            assert name, "raw text needs a file name"
            text = data
        path = content_copy / "questions" / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    return write


@pytest.fixture(scope="session")
def artifacts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where tests keep what a person may want to look at afterwards (screenshots, PDFs, PNGs).

    ``MLINTERVIEW_TEST_ARTIFACTS`` when set (the test script sets it, so CI can keep the folder),
    else a temporary folder of this session; never the repository itself.
    """
    chosen = os.environ.get("MLINTERVIEW_TEST_ARTIFACTS", "").strip()
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Hash test users' passwords with few rounds (see tests/hashers.py); verification of any
    stored hash is unchanged."""
    from django.test.utils import override_settings

    with override_settings(
        PASSWORD_HASHERS=[
            "tests.hashers.FastPBKDF2PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        ]
    ):
        yield


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file of this session, as the application's is, never
    Django's default shared in-memory one: with an in-memory database the live server hands all
    its request threads one connection, and two requests at once interleave their transactions
    (tests/assessments/test_concurrent_requests.py)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")
