"""Text as the database can hold it, the same way on SQLite and PostgreSQL."""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """Text as it can be stored: PostgreSQL's text columns cannot hold NUL characters (SQLite's
    can), so NUL is dropped on every database, the same way on both. Half of a surrogate pair (a
    broken emoji, which JSON can carry) is no character and UTF-8 cannot encode it: it becomes
    U+FFFD, the replacement character, instead of failing the save."""
    return _LONE_SURROGATE.sub("\ufffd", text.replace("\x00", ""))
