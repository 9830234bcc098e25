"""Settings built from the environment: safe defaults, strict production mode, deploy checks."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest

from mlinterview.web.config import ConfigError, build_settings
from mlinterview.web.logs import JsonFormatter

STRONG_KEY = "k3y-" + "x7Qp9" * 12


def test_defaults_are_embedded_and_safe(tmp_path):
    settings = build_settings({"MLINTERVIEW_DATA_DIR": str(tmp_path)})
    assert settings["DEBUG"] is False
    assert settings["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings["DATABASES"]["default"]["NAME"] == str(tmp_path / "mlinterview.sqlite3")
    assert len(settings["SECRET_KEY"]) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert build_settings({"MLINTERVIEW_DATA_DIR": str(tmp_path)})["SECRET_KEY"] == settings["SECRET_KEY"]
    assert settings["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]"]


def test_database_url(tmp_path):
    settings = build_settings(
        {"MLINTERVIEW_DATA_DIR": str(tmp_path), "DATABASE_URL": "postgres://u:p@db:5432/mli"}
    )
    db = settings["DATABASES"]["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql" and db["NAME"] == "mli" and db["HOST"] == "db"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "MLINTERVIEW_SECRET_KEY must be set"),
        ({"MLINTERVIEW_SECRET_KEY": "short"}, "too weak"),
        ({"MLINTERVIEW_SECRET_KEY": "please-change-me-" * 4}, "too weak"),
        ({"MLINTERVIEW_SECRET_KEY": STRONG_KEY}, "MLINTERVIEW_ALLOWED_HOSTS"),
        (
            {
                "MLINTERVIEW_SECRET_KEY": STRONG_KEY,
                "MLINTERVIEW_ALLOWED_HOSTS": "a.example",
                "MLINTERVIEW_DEBUG": "1",
            },
            "DEBUG must be off",
        ),
    ],
)
def test_production_refuses_unsafe_settings(tmp_path, env, message):
    with pytest.raises(ConfigError, match=message):
        build_settings({"MLINTERVIEW_DATA_DIR": str(tmp_path), "MLINTERVIEW_PRODUCTION": "1", **env})


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "MLINTERVIEW_DATA_DIR": str(tmp_path),
        "MLINTERVIEW_PRODUCTION": "1",
        "MLINTERVIEW_SECRET_KEY": STRONG_KEY,
        "MLINTERVIEW_ALLOWED_HOSTS": "hiring.example.com",
        "DJANGO_SETTINGS_MODULE": "mlinterview.web.settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # a test-only switch; never set in deployment
    done = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_json_log_lines():
    record = logging.makeLogRecord(
        {"name": "mlinterview.test", "levelname": "INFO", "msg": "scored %s", "args": (3,), "attempt": 12}
    )
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "scored 3" and line["attempt"] == 12 and line["level"] == "INFO"


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_it_was_given():
    """The test script's second pass sets DATABASE_URL to a PostgreSQL server: prove it is used."""
    from django.db import connection

    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    assert connection.vendor == ("postgresql" if on_postgres else "sqlite")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1


def test_rq_backend_settings_and_refusals(tmp_path):
    env = {
        "MLINTERVIEW_DATA_DIR": str(tmp_path),
        "MLINTERVIEW_TASK_BACKEND": "rq",
        "REDIS_URL": "redis://10.0.0.5:6380/2",
    }
    settings = build_settings(env)
    assert settings["TASKS"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert set(settings["RQ_QUEUES"]) == set(settings["TASKS"]["default"]["QUEUES"]) >= {"scoring", "judging"}
    assert {q["URL"] for q in settings["RQ_QUEUES"].values()} == {"redis://10.0.0.5:6380/2"}
    assert "django_tasks_rq" in settings["INSTALLED_APPS"]
    assert "django_tasks_rq" not in build_settings({"MLINTERVIEW_DATA_DIR": str(tmp_path)})["INSTALLED_APPS"]
    with pytest.raises(ConfigError, match="MLINTERVIEW_TASK_BACKEND must be one of"):
        build_settings({**env, "MLINTERVIEW_TASK_BACKEND": "celery"})
    with pytest.raises(ConfigError, match="REDIS_URL must be a redis:// URL"):
        build_settings({**env, "REDIS_URL": "http://localhost"})
