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
REDACTED = "<redacted>"


def redact_tokens(text: str) -> str:
    """``text`` with every /take/<token> link's token replaced by ``<redacted>``."""
    return _TAKE_TOKEN.sub(r"\g<1>" + REDACTED, text)


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
                entry[key] = value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
