"""The email backend for development: Django's console backend, with invitation tokens masked."""

from __future__ import annotations

import copy
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends.console import EmailBackend

from mlinterview.web.logs import redact_tokens


class RedactingConsoleBackend(EmailBackend):
    """Prints each message like Django's console backend, but with every /take/<token> link shown
    as /take/<redacted>/: the console is usually a log. The token is masked in a copy made before
    the message is encoded, so line folding cannot split it; the message itself is left as is."""

    def write_message(self, message: EmailMessage) -> None:
        shown = copy.copy(message)
        shown.subject = redact_tokens(str(message.subject))
        shown.body = redact_tokens(str(message.body))
        alternatives: list[Any] = getattr(message, "alternatives", [])
        if alternatives:
            shown.alternatives = [  # type: ignore[attr-defined]
                type(alt)(redact_tokens(alt[0]) if isinstance(alt[0], str) else alt[0], *alt[1:])
                for alt in alternatives
            ]
        super().write_message(shown)
