"""What a sandbox needs from the machine: the Python runtime the programs run with, and the isolation
layers (bubblewrap, root, cgroups); each check refuses with a message naming what is missing."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from mlinterview.sandbox import cgroups
from mlinterview.sandbox.model import SandboxUnavailable

DEFAULT_RUNTIME = "/opt/mlinterview/runtime"


def runtime_dir(runtime: str | Path | None = None) -> Path:
    """The runtime asked for, else $MLINTERVIEW_SANDBOX_RUNTIME, else the default install."""
    return Path(runtime or os.environ.get("MLINTERVIEW_SANDBOX_RUNTIME") or DEFAULT_RUNTIME)


def interpreter(runtime: Path) -> Path:
    """The runtime's ``bin/python``; refuses if the runtime is not installed."""
    python = runtime / "bin" / "python"
    if not python.exists():
        raise SandboxUnavailable(
            f"the sandbox runtime {runtime} is missing: run 'bash scripts/setup-sandbox.sh'"
        )
    return python


def site_packages(runtime: Path) -> str:
    """The runtime's package folders as a PYTHONPATH (the programs start without the site module)."""
    return ":".join(str(p) for p in sorted(runtime.glob("lib/python3*/site-packages")))


@dataclass(frozen=True)
class Layers:
    bwrap: str  # the bubblewrap executable
    cgroup_version: str  # "v1" or "v2"


def isolation_layers() -> Layers:
    """Bubblewrap, root (for cgroups and the runs' own uids) and usable cgroups, or a refusal."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed: apt-get install bubblewrap")
    if os.geteuid() != 0:
        raise SandboxUnavailable("the sandbox needs root to create cgroups and switch to its own uids")
    return Layers(bwrap, cgroups.detect())
