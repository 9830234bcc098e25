"""Build Django settings from an environment mapping.

Everything that varies between installs comes from environment variables with safe defaults, and
is computed by :func:`build_settings` from the mapping it is given, so tests can build settings
for another environment without touching ``os.environ``.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mlinterview import PACKAGE_DIR, REPO_DIR

LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
TRUE = {"1", "true", "yes", "on"}


class ConfigError(RuntimeError):
    """A setting is missing or unsafe."""


def _flag(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = env.get(name)
    return default if value is None else value.strip().lower() in TRUE


def default_data_dir() -> Path:
    return REPO_DIR / "data"


def _secret_key(env: Mapping[str, str], data_dir: Path, debug: bool) -> str:
    configured = env.get("MLINTERVIEW_SECRET_KEY", "").strip()
    if configured:
        if len(configured) < 32 and not debug:
            raise ConfigError("MLINTERVIEW_SECRET_KEY must be at least 32 characters long")
        return configured
    # No key configured: keep a random one in the data directory, created on first use, so
    # sessions survive restarts and no key is ever hard-coded.
    key_file = data_dir / "secret_key"
    if key_file.is_file():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


def _databases(env: Mapping[str, str], data_dir: Path) -> dict[str, Any]:
    url = env.get("DATABASE_URL", "").strip()
    if url:
        import dj_database_url

        return {"default": dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(data_dir / "mlinterview.sqlite3"),
            "OPTIONS": {
                # WAL lets the web process read while a worker writes; a busy timeout instead
                # of "database is locked" errors under concurrent writes.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }


TASK_QUEUES = ["default", "scoring", "judging"]


def _tasks(env: Mapping[str, str]) -> dict[str, Any]:
    """Background work: the database-backed queue by default (no extra service to run)."""
    backend = env.get("MLINTERVIEW_TASK_BACKEND", "database")
    if backend == "immediate":
        # Runs each task inline when it is enqueued; for tests and one-off scripts.
        return {
            "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": TASK_QUEUES}
        }
    if backend != "database":
        raise ConfigError(f"MLINTERVIEW_TASK_BACKEND must be 'database' or 'immediate', not {backend!r}")
    return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}


def build_settings(env: Mapping[str, str]) -> dict[str, Any]:
    debug = _flag(env, "MLINTERVIEW_DEBUG")
    data_dir = Path(env.get("MLINTERVIEW_DATA_DIR") or default_data_dir()).resolve()
    hosts = [h.strip() for h in env.get("MLINTERVIEW_ALLOWED_HOSTS", "").split(",") if h.strip()]
    content_dir = env.get("MLINTERVIEW_CONTENT_DIR") or str(REPO_DIR / "content")
    return {
        "DEBUG": debug,
        "SECRET_KEY": _secret_key(env, data_dir, debug),
        "ALLOWED_HOSTS": hosts or LOCAL_HOSTS,
        "MLINTERVIEW_DATA_DIR": data_dir,
        "MLINTERVIEW_CONTENT_DIR": Path(content_dir),
        "INSTALLED_APPS": [
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "whitenoise.runserver_nostatic",
            "django.contrib.staticfiles",
            "django_tasks",
            "django_tasks_db",
            "mlinterview.accounts",
            "mlinterview.questions",
            "mlinterview.assessments",
            "mlinterview.interviews",
            "mlinterview.practiceweb",
            "mlinterview.api",
            "ninja",
        ],
        "MIDDLEWARE": [
            "django.middleware.security.SecurityMiddleware",
            "whitenoise.middleware.WhiteNoiseMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        "ROOT_URLCONF": "mlinterview.web.urls",
        "WSGI_APPLICATION": "mlinterview.web.wsgi.application",
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [PACKAGE_DIR / "templates"],
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.contrib.messages.context_processors.messages",
                    ]
                },
            }
        ],
        "DATABASES": _databases(env, data_dir),
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "TASKS": _tasks(env),
        "AUTH_USER_MODEL": "accounts.User",
        "AUTH_PASSWORD_VALIDATORS": [
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
        ],
        "LOGIN_URL": "login",
        "LOGIN_REDIRECT_URL": "home",
        "MLINTERVIEW_PUBLIC_BANK": _flag(env, "MLINTERVIEW_PUBLIC_BANK"),
        "MLINTERVIEW_SCORING_LEASE_SECONDS": int(env.get("MLINTERVIEW_SCORING_LEASE_SECONDS", "600")),
        "LANGUAGE_CODE": "en",
        "TIME_ZONE": env.get("MLINTERVIEW_TIME_ZONE", "UTC"),
        "USE_I18N": True,
        "USE_TZ": True,
        "STATIC_URL": "static/",
        "STATIC_ROOT": data_dir / "static",
        "STATICFILES_DIRS": [PACKAGE_DIR / "static"],
        "EMAIL_BACKEND": env.get(
            "MLINTERVIEW_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        ),
        "DEFAULT_FROM_EMAIL": env.get("MLINTERVIEW_FROM_EMAIL", "mlinterview <no-reply@localhost>"),
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": False,
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "LOGGING": {
            "version": 1,
            "disable_existing_loggers": False,
            "handlers": {"console": {"class": "logging.StreamHandler"}},
            "root": {"handlers": ["console"], "level": env.get("MLINTERVIEW_LOG_LEVEL", "INFO")},
        },
    }
