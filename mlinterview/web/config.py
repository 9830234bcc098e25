"""Build Django settings from an environment mapping.

Everything that varies between installs comes from environment variables with safe defaults, and
is computed by :func:`build_settings` from the mapping it is given, so tests can build settings
for another environment without touching ``os.environ``.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from mlinterview import PACKAGE_DIR, REPO_DIR
from mlinterview.web.assessments.jobs.queues import TASK_QUEUES
from mlinterview.web.private_files import private_directory

LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
TRUE = {"1", "true", "yes", "on"}


class ConfigError(RuntimeError):
    """A setting is missing or unsafe."""


def _flag(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = env.get(name)
    return default if value is None else value.strip().lower() in TRUE


def default_data_dir() -> Path:
    return REPO_DIR / "data"


def _secret_key(env: Mapping[str, str], data_dir: Path, production: bool) -> str:
    configured = env.get("MLINTERVIEW_SECRET_KEY", "").strip()
    if production:
        # In production the key must be set on purpose: long, and not a placeholder.
        if not configured:
            raise ConfigError("MLINTERVIEW_SECRET_KEY must be set in production (50+ random characters)")
        if len(configured) < 50 or len(set(configured)) < 5 or "change" in configured.lower():
            raise ConfigError("MLINTERVIEW_SECRET_KEY is too weak: use 50+ random characters")
        return configured
    if configured:
        return configured
    # No key configured: keep a random one in the data directory, created on first use, so
    # sessions survive restarts and no key is ever hard-coded.
    key_file = data_dir / "secret_key"
    if key_file.is_file():
        return key_file.read_text().strip()
    private_directory(data_dir)
    key = secrets.token_urlsafe(50)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


def _databases(env: Mapping[str, str], data_dir: Path) -> dict[str, Any]:
    url = env.get("DATABASE_URL", "").strip()
    if url:
        import dj_database_url

        return {"default": dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)}
    # SQLite makes the database file but not its folder: the folder is made here, private.
    private_directory(data_dir)
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


TASK_BACKENDS = ("database", "rq", "immediate")


def task_backend(env: Mapping[str, str]) -> str:
    backend = env.get("MLINTERVIEW_TASK_BACKEND", "database")
    if backend not in TASK_BACKENDS:
        raise ConfigError(
            f"MLINTERVIEW_TASK_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {backend!r}"
        )
    return backend


def _tasks(env: Mapping[str, str]) -> dict[str, Any]:
    """Background work: the database-backed queue by default (no extra service to run); RQ on
    Redis for several worker machines; inline ("immediate") for tests and one-off scripts."""
    backend = task_backend(env)
    if backend == "immediate":
        return {
            "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": TASK_QUEUES}
        }
    if backend == "rq":
        return {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
    return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}


def _rq_queues(env: Mapping[str, str]) -> dict[str, Any]:
    """django-rq's queues (one per task queue) on the Redis server of ``REDIS_URL``."""
    url = env.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(f"REDIS_URL must be a redis:// URL, not {url!r}")
    # A job may wait for a sandbox slot and run for a while; RQ kills it after this long.
    return {name: {"URL": url, "DEFAULT_TIMEOUT": 900} for name in TASK_QUEUES}


def _production(env: Mapping[str, str], hosts: list[str]) -> dict[str, Any]:
    """HTTPS-only cookies, HSTS and redirects: what ``check --deploy`` asks of a public site."""
    if not hosts:
        raise ConfigError("MLINTERVIEW_ALLOWED_HOSTS must list the site's host names in production")
    if _flag(env, "MLINTERVIEW_DEBUG"):
        raise ConfigError("MLINTERVIEW_DEBUG must be off in production")
    settings: dict[str, Any] = {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": _flag(env, "MLINTERVIEW_SSL_REDIRECT", True),
        "SECURE_HSTS_SECONDS": int(env.get("MLINTERVIEW_HSTS_SECONDS", "31536000")),
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "CSRF_TRUSTED_ORIGINS": [f"https://{h}" for h in hosts if not h.startswith(".")],
    }
    if _flag(env, "MLINTERVIEW_BEHIND_PROXY"):
        # The TLS-terminating proxy says which scheme the browser used.
        settings["SECURE_PROXY_SSL_HEADER"] = ("HTTP_X_FORWARDED_PROTO", "https")
    return settings


def _logging(env: Mapping[str, str]) -> dict[str, Any]:
    json_logs = env.get("MLINTERVIEW_LOG_FORMAT", "text") == "json"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "mlinterview.web.logs.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
            "server": {
                "()": "django.utils.log.ServerFormatter",
                "format": "[{server_time}] {message}",
                "style": "{",
            },
        },
        # Invitation tokens are masked in whatever reaches a handler (see logs.RedactTokens).
        "filters": {"redact_tokens": {"()": "mlinterview.web.logs.RedactTokens"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if json_logs else "text",
                "filters": ["redact_tokens"],
            },
            "server": {
                "class": "logging.StreamHandler",
                "formatter": "json" if json_logs else "server",
                "filters": ["redact_tokens"],
            },
        },
        "loggers": {
            # Django's defaults give these loggers handlers of their own, which would print past
            # the filter: Django's records go to the root's handler, and the development server's
            # request log to one like Django's, both filtered.
            "django": {"handlers": [], "level": "INFO", "propagate": True},
            "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
        },
        "root": {"handlers": ["console"], "level": env.get("MLINTERVIEW_LOG_LEVEL", "INFO")},
    }


def _email(env: Mapping[str, str]) -> dict[str, Any]:
    """Where mail (invitations, password-reset links) goes: the console, tokens masked, unless an
    SMTP server is named (``MLINTERVIEW_SMTP_HOST``) or a backend is chosen outright."""
    host = env.get("MLINTERVIEW_SMTP_HOST", "").strip()
    default = (
        "django.core.mail.backends.smtp.EmailBackend"
        if host
        else "mlinterview.web.mail.RedactingConsoleBackend"
    )
    settings: dict[str, Any] = {
        "EMAIL_BACKEND": env.get("MLINTERVIEW_EMAIL_BACKEND", default),
        "DEFAULT_FROM_EMAIL": env.get("MLINTERVIEW_FROM_EMAIL", "mlinterview <no-reply@localhost>"),
    }
    if host:
        settings.update(
            {
                "EMAIL_HOST": host,
                "EMAIL_PORT": int(env.get("MLINTERVIEW_SMTP_PORT", "587")),
                "EMAIL_HOST_USER": env.get("MLINTERVIEW_SMTP_USER", ""),
                "EMAIL_HOST_PASSWORD": env.get("MLINTERVIEW_SMTP_PASSWORD", ""),
                "EMAIL_USE_TLS": _flag(env, "MLINTERVIEW_SMTP_TLS", True),
                "EMAIL_TIMEOUT": 20,
            }
        )
    return settings


def _login_throttle() -> dict[str, Any]:
    """django-axes: after a few wrong passwords for one username from one client address, that pair
    is refused (even with the right password) for a cool-off, on the site's and the admin's sign-in
    pages alike. The attempts are kept in the database, so this works on SQLite and PostgreSQL and
    across web processes; a successful sign-in clears the count."""
    return {
        "AXES_ENABLED": True,
        "AXES_HANDLER": "axes.handlers.database.AxesDatabaseHandler",
        "AXES_FAILURE_LIMIT": 5,
        "AXES_COOLOFF_TIME": timedelta(minutes=15),
        "AXES_LOCKOUT_PARAMETERS": [["username", "ip_address"]],
        "AXES_RESET_ON_SUCCESS": True,
        # The client address is the connection's own: a forwarded header would let a guesser
        # pick a new address for every try. Behind a proxy every client shares its address, so
        # the lock then falls on the username alone, which is stricter, never looser.
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",),
        "AXES_LOCKOUT_TEMPLATE": "registration/locked_out.html",
        "AXES_HTTP_RESPONSE_CODE": 429,
        # No banner on every start of a command; attempts are still logged.
        "AXES_VERBOSE": False,
    }


def _content_security_policy() -> dict[str, Any]:
    """django-csp: scripts, styles, images and fetches come from the site itself only. No inline
    script runs unless it carries this response's nonce (``nonce="{{ request.csp_nonce }}"``; the
    templates need none today), no inline style or event handler, no plugin, no framing, and
    forms post only back to the site."""
    from csp.constants import NONCE, NONE, SELF

    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, NONCE],
            "style-src": [SELF],
            # The API docs' stylesheet draws its icons as data: images.
            "img-src": [SELF, "data:"],
            "font-src": [SELF],
            "connect-src": [SELF],
            "object-src": [NONE],
            "base-uri": [NONE],
            "frame-ancestors": [NONE],
            "form-action": [SELF],
        }
    }


def build_settings(env: Mapping[str, str]) -> dict[str, Any]:
    production = _flag(env, "MLINTERVIEW_PRODUCTION")
    debug = _flag(env, "MLINTERVIEW_DEBUG")
    data_dir = Path(env.get("MLINTERVIEW_DATA_DIR") or default_data_dir()).resolve()
    hosts = [h.strip() for h in env.get("MLINTERVIEW_ALLOWED_HOSTS", "").split(",") if h.strip()]
    content_dir = env.get("MLINTERVIEW_CONTENT_DIR") or str(REPO_DIR / "content")
    settings = {
        "DEBUG": debug,
        "SECRET_KEY": _secret_key(env, data_dir, production),
        "ALLOWED_HOSTS": hosts or LOCAL_HOSTS,
        "MLINTERVIEW_DATA_DIR": data_dir,
        "MLINTERVIEW_CONTENT_DIR": Path(content_dir),
        "INSTALLED_APPS": [
            # django.contrib.admin, with the two-factor admin site as admin.site.
            "mlinterview.web.accounts.admin_apps.ProjectAdminConfig",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "whitenoise.runserver_nostatic",
            "django.contrib.staticfiles",
            "django_tasks",
            "django_tasks_db",
            "django_otp",
            "django_otp.plugins.otp_totp",
            *(["django_rq", "django_tasks_rq"] if task_backend(env) == "rq" else []),
            "mlinterview.web.accounts",
            "mlinterview.web.questions",
            "mlinterview.web.assessments",
            "mlinterview.web.interviews",
            "mlinterview.web.practice",
            "mlinterview.web.fairness",
            "mlinterview.web.webhooks",
            "mlinterview.web.greenhouse",
            "mlinterview.web.pool",
            "mlinterview.web.integrity",
            "mlinterview.web.api",
            "ninja",
            "axes",
            "csp",
        ],
        "MIDDLEWARE": [
            "django.middleware.security.SecurityMiddleware",
            "whitenoise.middleware.WhiteNoiseMiddleware",
            "csp.middleware.CSPMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django_otp.middleware.OTPMiddleware",
            "mlinterview.web.accounts.middleware.SecondFactorMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            "mlinterview.web.middleware.DatabaseUnavailableMiddleware",
            # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
            "axes.middleware.AxesMiddleware",
        ],
        "ROOT_URLCONF": "mlinterview.web.urls",
        "WSGI_APPLICATION": "mlinterview.web.wsgi.application",
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                # An administrator's own versions of templates (the candidates' mail, issue 15)
                # go in the data directory's templates/ and win over the shipped ones.
                "DIRS": [data_dir / "templates", PACKAGE_DIR / "templates"],
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.contrib.messages.context_processors.messages",
                        "mlinterview.web.accounts.context_processors.registration",
                        "mlinterview.web.navigation.header_links",
                    ]
                },
            }
        ],
        "DATABASES": _databases(env, data_dir),
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "TASKS": _tasks(env),
        "RQ_QUEUES": _rq_queues(env) if task_backend(env) == "rq" else {},
        "AUTH_USER_MODEL": "accounts.User",
        # Visitors may create practice accounts unless MLINTERVIEW_SIGNUP=off.
        "MLINTERVIEW_SIGNUP_OPEN": _flag(env, "MLINTERVIEW_SIGNUP", True),
        # Two-factor sign-in (django-otp, TOTP): any account with a device gives its code; with
        # MLINTERVIEW_REQUIRE_STAFF_2FA=on, staff must set one up before anything else.
        "MLINTERVIEW_REQUIRE_STAFF_2FA": _flag(env, "MLINTERVIEW_REQUIRE_STAFF_2FA"),
        "OTP_TOTP_ISSUER": env.get("MLINTERVIEW_OTP_ISSUER", "mlinterview"),
        # The throttle's backend first: it refuses a locked-out username and address before any
        # password is checked.
        "AUTHENTICATION_BACKENDS": [
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
            # Object permissions (which assessment, attempt or interview): the rules in
            # assessments/access.py and interviews/access.py, registered with django-rules.
            "rules.permissions.ObjectPermissionBackend",
        ],
        "AUTH_PASSWORD_VALIDATORS": [
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
        ],
        "LOGIN_URL": "login",
        "LOGIN_REDIRECT_URL": "home",
        "MLINTERVIEW_PUBLIC_BANK": _flag(env, "MLINTERVIEW_PUBLIC_BANK"),
        # Who is hiring, as candidates' pages name it (empty: they say "the organisation that
        # invited you").
        "MLINTERVIEW_ORGANISATION_NAME": env.get("MLINTERVIEW_ORGANISATION_NAME", "").strip(),
        # The API's docs and OpenAPI schema: signed-in staff only unless this opens them to anyone.
        "MLINTERVIEW_PUBLIC_API_DOCS": _flag(env, "MLINTERVIEW_PUBLIC_API_DOCS"),
        "MLINTERVIEW_SCORING_LEASE_SECONDS": int(env.get("MLINTERVIEW_SCORING_LEASE_SECONDS", "600")),
        # Trial runs per attempt (assessments/services/trial_limits.py; docs/deployment.md).
        "MLINTERVIEW_TRIAL_COOLDOWN_SECONDS": float(env.get("MLINTERVIEW_TRIAL_COOLDOWN_SECONDS", "5")),
        "MLINTERVIEW_TRIAL_RUNS_PER_ITEM": int(env.get("MLINTERVIEW_TRIAL_RUNS_PER_ITEM", "40")),
        # The builder warns when a question or exercise has been served to this many distinct
        # candidates (assessments/services/exposure.py; docs/deployment.md).
        "MLINTERVIEW_EXPOSURE_WARN_AT": int(env.get("MLINTERVIEW_EXPOSURE_WARN_AT", "50")),
        "LANGUAGE_CODE": "en",
        "TIME_ZONE": env.get("MLINTERVIEW_TIME_ZONE", "UTC"),
        "USE_I18N": True,
        "USE_TZ": True,
        "STATIC_URL": "static/",
        "STATIC_ROOT": data_dir / "static",
        "STATICFILES_DIRS": [PACKAGE_DIR / "static"],
        **_email(env),
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": False,
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "CONTENT_SECURITY_POLICY": _content_security_policy(),
        "LOGGING": _logging(env),
        **_login_throttle(),
    }
    if production:
        settings.update(_production(env, hosts))
        settings["STORAGES"] = {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        }
    return settings
