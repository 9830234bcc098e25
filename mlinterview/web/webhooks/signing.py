"""The signature of a delivery, the same recipe a receiver follows to check it.

The signed message is the timestamp (seconds since the epoch, as sent in the timestamp header),
a full stop, and the raw body bytes; the signature is HMAC-SHA256 of it with the endpoint's
secret, hex-encoded, sent as ``sha256=<hex>``. Signing the timestamp lets a receiver refuse old
messages replayed by someone who captured one."""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Mlinterview-Signature"
TIMESTAMP_HEADER = "X-Mlinterview-Timestamp"
EVENT_HEADER = "X-Mlinterview-Event"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(secret: str, timestamp: int, body: bytes, header: str, *, now: int, tolerance: int = 300) -> bool:
    """What a receiver does: the signature matches and the timestamp is recent."""
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), header)
