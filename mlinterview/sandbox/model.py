"""What a sandbox run is asked to do and respect (``RunRequest``, ``Limits``) and what it reports
back (``RunResult``, ``Verdict``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any


class SandboxUnavailable(RuntimeError):
    """A layer of the sandbox is missing; the message names it and how to install it."""


class Verdict(StrEnum):
    ok = "ok"
    runtime_error = "runtime_error"
    time_limit = "time_limit"
    memory_limit = "memory_limit"
    output_limit = "output_limit"
    sandbox_error = "sandbox_error"


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 512
    cpu_seconds: float = 5.0
    wall_seconds: float = 10.0
    output_bytes: int = 1_000_000  # per stream; more is an output_limit and the run is killed
    max_processes: int = 32
    scratch_mb: int = 64
    max_collect_bytes: int = 20_000_000  # per collected result file

    def __post_init__(self) -> None:
        if self.memory_mb < 16 or self.cpu_seconds <= 0 or self.wall_seconds <= 0:
            raise ValueError("memory_mb must be at least 16 and the time limits positive")
        if self.max_processes < 1 or self.scratch_mb < 1 or self.output_bytes < 0:
            raise ValueError("max_processes and scratch_mb must be positive, output_bytes not negative")


def safe_name(name: str) -> bool:
    """A relative path that stays inside the scratch folder."""
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\x00" not in name


@dataclass(frozen=True)
class RunRequest:
    """One program to run: its files (name -> text or bytes), the file to start and its arguments,
    the limits, what it reads on stdin and which result files to bring back. The same value travels
    from ``Sandbox.run`` over the wire to the helper and into the executor."""

    files: Mapping[str, str | bytes]
    entrypoint: str = "main.py"
    args: Sequence[str] = ()
    limits: Limits = field(default_factory=Limits)
    stdin: bytes = b""
    collect: Sequence[str] = ()

    def __post_init__(self) -> None:
        for name in [*self.files, self.entrypoint, *self.collect]:
            if not safe_name(name):
                raise ValueError(f"file names must be relative paths inside the scratch folder: {name!r}")
        # Copies: a caller that changes its dict or list afterwards does not change the request.
        object.__setattr__(self, "files", dict(self.files))
        object.__setattr__(self, "args", tuple(self.args))
        object.__setattr__(self, "collect", tuple(self.collect))


@dataclass
class RunResult:
    verdict: Verdict
    exit_status: int | None  # the program's exit code, or None when a signal ended it
    signal: int | None
    cpu_seconds: float
    wall_seconds: float
    peak_memory_bytes: int
    stdout: bytes
    stderr: bytes
    stdout_truncated: bool
    stderr_truncated: bool
    outputs: dict[str, bytes] = field(default_factory=dict)
    sandboxed: bool = True
    message: str = ""

    @classmethod
    def failed(cls, message: str) -> RunResult:
        """The result of a run the sandbox could not carry out (verdict ``sandbox_error``)."""
        return cls(Verdict.sandbox_error, None, None, 0.0, 0.0, 0, b"", b"", False, False, message=message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "exit_status": self.exit_status,
            "signal": self.signal,
            "cpu_seconds": round(self.cpu_seconds, 4),
            "wall_seconds": round(self.wall_seconds, 4),
            "peak_memory_bytes": self.peak_memory_bytes,
            "stdout": self.stdout.decode("utf-8", errors="replace"),
            "stderr": self.stderr.decode("utf-8", errors="replace"),
            "stdout_truncated": self.stdout_truncated,
            "stderr_truncated": self.stderr_truncated,
            "outputs": {k: v.decode("utf-8", errors="replace") for k, v in self.outputs.items()},
            "sandboxed": self.sandboxed,
            "message": self.message,
        }
