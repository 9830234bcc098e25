"""How the end of a run becomes a verdict (no sandbox needed: the rules on what was observed)."""

from __future__ import annotations

import signal

import pytest

from mlinterview.sandbox import Limits, Verdict
from mlinterview.sandbox.verdicts import verdict

LIMITS = Limits(memory_mb=256, cpu_seconds=1, wall_seconds=30)


@pytest.mark.parametrize("cpu", [0.86, 1.0, 1.4])
def test_sigxcpu_is_the_cpu_limit_whatever_the_cgroup_counted(cpu):
    # The kernel sends SIGXCPU only for the CPU rlimit, which it checks on tick-sampled time: on a busy
    # machine it arrives when the cgroup's precise count is still below the limit (seen: 0.86 s of 1 s).
    assert verdict(None, None, signal.SIGXCPU, cpu, LIMITS, None) == (
        Verdict.time_limit,
        "the program used more than 1 s of CPU time",
    )


def test_sigkill_near_the_cpu_limit_is_the_hard_cpu_limit():
    assert verdict(None, None, signal.SIGKILL, 1.9, LIMITS, None)[0] is Verdict.time_limit


def test_sigkill_well_below_the_cpu_limit_is_a_runtime_error():
    assert verdict(None, None, signal.SIGKILL, 0.2, LIMITS, None) == (
        Verdict.runtime_error,
        "the program was ended by signal 9",
    )


def test_other_endings():
    assert verdict(None, 0, None, 0.1, LIMITS, None) == (Verdict.ok, "the program finished normally")
    assert verdict(None, 2, None, 0.1, LIMITS, None) == (
        Verdict.runtime_error,
        "the program exited with status 2",
    )
    assert verdict(Verdict.time_limit, None, signal.SIGKILL, 0.1, LIMITS, None) == (
        Verdict.time_limit,
        "the program ran longer than 30 s (wall clock)",
    )
    assert verdict(Verdict.output_limit, None, signal.SIGKILL, 0.1, LIMITS, None)[0] is Verdict.output_limit
