"""gunicorn's logger for ``mlinterview serve``: the access log masks invitation tokens."""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger

from mlinterview.web.logs import redact_tokens


class RedactingLogger(Logger):
    """Every text value an access log line can show (request line, path, query, referer, any
    header or environ entry) goes through ``redact_tokens``, so ``/take/<token>/`` is written
    as ``/take/<redacted>/`` whatever ``--access-logformat`` says."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact_tokens(value) if isinstance(value, str) else value for key, value in atoms.items()
        }
