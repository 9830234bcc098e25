"""How the end of a run becomes a verdict: the exit status decoded, then the rules on what was observed
(the limit the parent stopped it for, the cgroup's memory and CPU counts, the signal that ended it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlinterview.sandbox.model import Limits, Verdict

if TYPE_CHECKING:
    from mlinterview.sandbox.cgroups import RunGroup


def decode_status(returncode: int) -> tuple[int | None, int | None]:
    """(exit status, signal) of a return code; bwrap reports a child killed by signal N as 128 + N."""
    if returncode < 0:
        return None, -returncode
    if 128 < returncode <= 128 + 64:
        return None, returncode - 128
    return returncode, None


def verdict(
    reason: Verdict | None,
    exit_status: int | None,
    sig: int | None,
    cpu: float,
    limits: Limits,
    group: RunGroup | None,
) -> tuple[Verdict, str]:
    """The verdict and its message; ``reason`` is the limit the parent stopped the run for, if any."""
    if reason is Verdict.output_limit:
        return reason, f"the program wrote more than {limits.output_bytes:,} bytes to one stream; stopped"
    if group is not None and group.out_of_memory():
        return Verdict.memory_limit, f"the program used more than {limits.memory_mb} MB of memory"
    if reason is Verdict.time_limit:
        if cpu >= limits.cpu_seconds * 0.9:
            return reason, f"the program used more than {limits.cpu_seconds:g} s of CPU time"
        return reason, f"the program ran longer than {limits.wall_seconds:g} s (wall clock)"
    # SIGXCPU comes only from the CPU rlimit, which the kernel checks on tick-sampled time: on a busy
    # machine it can come while the cgroup's precise count is still short of the limit. SIGKILL is
    # the hard limit only when the CPU time says so.
    if sig == 24 or (sig == 9 and cpu >= limits.cpu_seconds * 0.9):
        return Verdict.time_limit, f"the program used more than {limits.cpu_seconds:g} s of CPU time"
    if exit_status == 0:
        return Verdict.ok, "the program finished normally"
    if sig is not None:
        return Verdict.runtime_error, f"the program was ended by signal {sig}"
    return Verdict.runtime_error, f"the program exited with status {exit_status}"
