"""The judge compares numbers within the case's tolerance and no further: a nearly right answer
(off by more than rtol) is a wrong value, however close it looks."""

from __future__ import annotations

from mlinterview.exercises.compare import compare


def test_a_number_within_the_relative_tolerance_passes_and_one_just_outside_fails():
    assert compare(100.0, 100.0 + 5e-5)[0]  # 5e-7 relative: inside rtol 1e-6
    ok, reason = compare(100.0, 100.0 + 5e-4)  # 5e-6 relative: outside
    assert not ok and reason.startswith("wrong value")


def test_the_cases_own_tolerance_is_the_one_used():
    assert compare(1.0, 1.01, rtol=0.02)[0]
    assert not compare(1.0, 1.03, rtol=0.02)[0]
    assert not compare(1.0, 0.97, rtol=0.02)[0]
