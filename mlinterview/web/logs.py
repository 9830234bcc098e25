"""Structured logs: one JSON object per line, for log collectors (MLINTERVIEW_LOG_FORMAT=json); and
the masking of candidates' invitation tokens in anything written to a log."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

# The path segment after /take/ is a candidate's invitation token, which is as good as a password
# for that attempt; /take/done/ is the only fixed page under /take/.
_TAKE_TOKEN = re.compile(r"(/take/)(?!done(?:[/?#\s\"'<]|$))[^/?#\s\"'<>]+")
# A password-reset link, /reset/<uidb64>/<token>/, lets whoever holds it set the account's password;
# /reset/done/ is the only fixed page under /reset/. The user id and token are masked together (as is
# the /reset/<uidb64>/set-password/ step that Django redirects to).
_RESET_TOKEN = re.compile(r"(/reset/)(?!done(?:[/?#\s\"'<]|$))[^/?#\s\"'<>]+/[^/?#\s\"'<>]+/?")
# A talent pool sign-in link, /pool/sign-in/<token>/, signs its holder in to a candidate's profile
# (issue 17); /pool/sign-in/ alone is the form that asks for one.
_POOL_TOKEN = re.compile(r"(/pool/sign-in/)[^/?#\s\"'<>]+")
REDACTED = "<redacted>"


def redact_tokens(text: str) -> str:
    """``text`` with every /take/<token> link's token, every /reset/<uidb64>/<token>/
    password-reset link's id and token, and every /pool/sign-in/<token>/ link's token, replaced by
    ``<redacted>``."""
    text = _RESET_TOKEN.sub(r"\g<1>" + REDACTED + "/", text)
    text = _POOL_TOKEN.sub(r"\g<1>" + REDACTED, text)
    return _TAKE_TOKEN.sub(r"\g<1>" + REDACTED, text)


class RedactTokens(logging.Filter):
    """A filter for log handlers (settings LOGGING): masks invitation tokens in a record's message,
    traceback and text fields before any handler writes it, whichever logger made the record
    (``django.request`` warns "Not Found: /take/<token>/", ``django.server`` logs each request
    line of the development server)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_tokens(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_tokens(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_tokens(record.stack_info)
        for key, value in vars(record).items():
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, redact_tokens(value))
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # Anything passed with extra={...} becomes a field of its own.
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                # The repr of an object (say, the request Django passes) may show a /take/ path.
                plain = isinstance(value, (str, int, float, bool, type(None)))
                entry[key] = value if plain else redact_tokens(repr(value))
        if record.exc_info:
            # The text a filter may have redacted (RedactTokens), else the traceback itself.
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
