"""Development only: run a request directly with rlimits in a temporary folder, no isolation at all.
The result says so (``sandboxed=False`` and a note in the message)."""

from __future__ import annotations

import functools
import os
import tempfile
import time
from pathlib import Path

from mlinterview.sandbox.files import collect, write_files
from mlinterview.sandbox.model import RunRequest, RunResult
from mlinterview.sandbox.supervision import forget, set_rlimits, spawn, watch


def run_insecure(python: Path, request: RunRequest) -> RunResult:
    limits = request.limits
    with tempfile.TemporaryDirectory(prefix="mlinterview-insecure-") as tmp:
        scratch = Path(tmp)
        write_files(scratch, request.files, os.getuid())
        command = [str(python), "-E", "-s", request.entrypoint, *request.args]
        started = time.monotonic()
        process = spawn(command, functools.partial(set_rlimits, limits), scratch, (), None)
        try:
            result = watch(process, limits, request.stdin, None, started)
        finally:
            forget(process)
        result.outputs, _ = collect(scratch, request.collect, limits.max_collect_bytes)
    result.sandboxed = False
    result.message = "; ".join(filter(None, [result.message, "INSECURE development mode: not sandboxed"]))
    return result
