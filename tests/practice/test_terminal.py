"""``mlinterview practice`` driven end to end: answers on stdin, feedback and a schedule out."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

ANSWERS = (
    "A loss function scores how wrong a single prediction is; training minimises the average loss\n"
    "over the training data. Squared error for regression, cross-entropy for classification.\n"
    ".\n"
    "q\n"
)


def run(args: list[str], stdin: str, tmp_path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlinterview", "practice", *args, "--state", str(tmp_path / "deck.json")],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_terminal_practice_round_trip(tmp_path):
    done = run(["--set", "algorithms", "--level", "junior", "--count", "3"], ANSWERS, tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "[1/3]" in out and "Your answer:" in out
    assert "Score:" in out and "/ 5" in out
    assert "You covered:" in out or "You missed:" in out
    assert "Next review of this question:" in out
    assert "Done: 1 answered" in out
    deck = json.loads((tmp_path / "deck.json").read_text())
    assert len(deck["cards"]) == 1
    from mlinterview.bank import load_bank

    practised = load_bank().get(deck["cards"][0]["slug"]).title
    assert f"] {practised}" in out
    # The next session does not ask the scheduled question again today.
    again = run(["--set", "algorithms", "--level", "junior", "--count", "3"], "q\n", tmp_path)
    assert again.returncode == 0
    assert "[1/" in again.stdout and f"] {practised}" not in again.stdout


def test_terminal_practice_errors(tmp_path):
    bad = run(["--set", "astrology"], "", tmp_path)
    assert bad.returncode == 2 and "unknown set" in bad.stderr
    (tmp_path / "deck.json").write_text("not json")
    broken = run([], "", tmp_path)
    assert broken.returncode == 2 and "cannot read the practice file" in broken.stderr
