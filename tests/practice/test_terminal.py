"""``mlinterview practice`` driven end to end: answers on stdin, feedback and a schedule out."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.shipped import shipped_bank

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

    bank = shipped_bank()
    pool = bank.filter(set="algorithms", level="junior")
    done = run(["--set", "algorithms", "--level", "junior", "--count", "3"], ANSWERS, tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # A fresh deck asks the set's questions in bank order; the person answers one, then quits.
    first = pool[0]
    assert f"[1/3] {first.title}" in out and "Your answer:" in out
    assert f"[2/3] {pool[1].title}" in out and "[3/3]" not in out
    assert f"Done: 1 answered. Progress is saved in {tmp_path / 'deck.json'}." in out
    deck = json.loads((tmp_path / "deck.json").read_text())
    [card] = deck["cards"]
    assert card["slug"] == first.slug
    [attempt] = card["attempts"]
    # The feedback shown is the score saved, and every key point is marked covered or missed.
    score = attempt["score"]
    # On the product's one scale, a percentage of the scorer's 0-5 (issue 15, point 8).
    shown = re.search(r"Score: (\d+)% \(automatic and advisory\)", out)
    assert shown, out
    assert abs(int(shown[1]) - 20 * score) <= 0.6  # the saved score is rounded to 2 decimals
    assert "/ 5" not in out
    # The score comes from the primary text grader, named with its version under the score.
    from mlinterview.scoring import graders

    text_grader = graders.primary_for("text")
    assert f"Graded by {text_grader.name} (version {text_grader.version})." in out
    flat = " ".join(out.split())
    marks = [f"✓ {point}" in flat for point in first.key_points]
    assert all(mark or f"✗ {point}" in flat for mark, point in zip(marks, first.key_points, strict=True))
    assert ("You covered:" in out) == any(marks) and ("You missed:" in out) == (not all(marks))
    assert f"Next review of this question: {card['card']['due'][:10]}" in out
    assert "Reference answer:" in out
    assert " ".join(first.reference_answer.split()[:8]) in flat
    # The next session does not ask the scheduled question again today: the next one comes first.
    again = run(["--set", "algorithms", "--level", "junior", "--count", "3"], "q\n", tmp_path)
    assert again.returncode == 0
    assert f"[1/3] {pool[1].title}" in again.stdout and f"] {first.title}" not in again.stdout
    assert "Done: 0 answered." in again.stdout


def test_terminal_practice_errors(tmp_path):
    bad = run(["--set", "astrology"], "", tmp_path)
    assert bad.returncode == 2 and "unknown set" in bad.stderr
    (tmp_path / "deck.json").write_text("not json")
    broken = run([], "", tmp_path)
    assert broken.returncode == 2 and "cannot read the practice file" in broken.stderr
