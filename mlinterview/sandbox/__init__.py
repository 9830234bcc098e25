"""Run untrusted Python (candidates' code) in a real sandbox (no Django here).

    from mlinterview.sandbox import Sandbox, Limits
    result = Sandbox().run({"main.py": "print(1)"}, limits=Limits(memory_mb=256))
    result.verdict, result.stdout

Layers: a cgroup per run, rlimits, an unprivileged uid per run, bubblewrap (no network, no
capabilities, read-only system, a capped tmpfs scratch). It refuses to run, with a message naming
what is missing, when a layer is unavailable. ``scripts/setup-sandbox.sh`` installs everything.
"""

from mlinterview.sandbox.model import Limits, RunResult, SandboxUnavailable, Verdict
from mlinterview.sandbox.runner import Sandbox

__all__ = ["Limits", "RunResult", "Sandbox", "SandboxUnavailable", "Verdict"]
