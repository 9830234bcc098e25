"""Issue 14, must show: ``mlinterview manage check --deploy`` is clean with the production settings
that docs/deployment.md documents, run as an administrator would (the CLI in a process of its own,
given exactly that environment), and it does warn when a documented setting is left out."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from mlinterview import REPO_DIR

DOC = REPO_DIR / "docs" / "deployment.md"
CLI = Path(sys.executable).with_name("mlinterview")


def documented_environment() -> dict[str, str]:
    """The variables of the environment file shown in docs/deployment.md (the block that starts
    with the comment ``# /etc/mlinterview/env``)."""
    blocks = re.findall(r"```[a-z]*\n(# /etc/mlinterview/env.*?)```", DOC.read_text(), re.DOTALL)
    assert len(blocks) == 1, "docs/deployment.md must show one production environment file"
    env = {}
    for line in blocks[0].splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    return env


def _check(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MLINTERVIEW_", "DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return subprocess.run(
        [str(CLI), "manage", "check", "--deploy", "--fail-level", "WARNING"],
        env={**base, **env, "MLINTERVIEW_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> dict[str, str]:
    env = documented_environment()
    # The file shows a placeholder for the key, as it must; an administrator generates one.
    assert "MLINTERVIEW_SECRET_KEY" in env
    env["MLINTERVIEW_SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def test_the_documented_environment_is_production(production):
    assert production["MLINTERVIEW_PRODUCTION"] == "1"
    assert production["MLINTERVIEW_ALLOWED_HOSTS"]
    assert production.get("MLINTERVIEW_PUBLIC_API_DOCS", "0") == "0"


def test_check_deploy_is_clean_with_the_documented_settings(production, tmp_path):
    done = _check(tmp_path, production)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout


def test_check_deploy_warns_about_public_api_docs(production, tmp_path):
    done = _check(tmp_path, {**production, "MLINTERVIEW_PUBLIC_API_DOCS": "1"})
    assert done.returncode != 0
    assert "mlinterview.W001" in done.stdout + done.stderr
