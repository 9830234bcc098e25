"""A seed names one selection: the same seed gives the same questions in every process.

Interviewers share a kit by its seed ("mid, 45 minutes, seed 1"), and an assessment is rebuilt
from its seed; so the choice must not depend on Python's per-process string hashing.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from mlinterview.bank import Level, load_bank
from mlinterview.bank.selection import SelectionRequest, select_questions
from tests.shipped import shipped_bank
bank = shipped_bank()
for level in Level:
    for seed in (1, 2, 7):
        picked = select_questions(bank, SelectionRequest(level=level, minutes=60, seed=seed))
        print(level.value, seed, " ".join(q.slug for q in picked))
"""


def _selection_under(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, check=True, capture_output=True, text=True)
    return done.stdout


def test_same_seed_same_questions_whatever_the_hash_seed():
    first = _selection_under("1")
    assert first.count("\n") == 9
    for hash_seed in ("2", "3", "4"):
        assert _selection_under(hash_seed) == first, f"PYTHONHASHSEED={hash_seed} changed the selection"
