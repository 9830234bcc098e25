"""Run untrusted Python (candidates' code) in a real sandbox; a pure core, no Django.

May import: the standard library and its own modules only (no other mlinterview package): the
helper process it starts runs without site-packages.

    from mlinterview.sandbox import Limits, RunRequest, Sandbox
    result = Sandbox().run(RunRequest({"main.py": "print(1)"}, limits=Limits(memory_mb=256)))
    result.verdict, result.stdout

Layers: a cgroup per run, rlimits, an unprivileged uid per run, bubblewrap (no network, no
capabilities, read-only system, a capped tmpfs scratch). It refuses to run, with a message naming
what is missing, when a layer is unavailable. ``scripts/setup-sandbox.sh`` installs everything.

Modules: ``facade`` (``Sandbox``, what callers use) hands each ``RunRequest`` through
``helper_client`` and ``wire`` to the ``helper`` process, whose ``executor`` runs it (``prepared``,
``supervision``, ``verdicts``, ``files``, ``scratch``, ``uids``, ``cgroups``, ``seccomp``);
``insecure`` is the unisolated development mode; ``model`` and ``runtime`` are shared by both sides.
"""

from mlinterview.sandbox.facade import Sandbox
from mlinterview.sandbox.model import Limits, RunRequest, RunResult, SandboxUnavailable, Verdict

__all__ = ["Limits", "RunRequest", "RunResult", "Sandbox", "SandboxUnavailable", "Verdict"]
