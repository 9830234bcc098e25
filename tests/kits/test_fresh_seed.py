"""Issue 15, point 4: a kit drawn without a seed uses a fresh random one and says which, so
every install (and every draw) does not get the same questions, and entering the seed draws the
same kit again; questions the candidate already met are never drawn."""

from __future__ import annotations

import pytest

from mlinterview.bank.selection import SEED_RANGE, new_seed
from mlinterview.kits import build_kit, to_markdown
from tests.shipped import shipped_bank


@pytest.fixture(scope="module")
def bank():
    return shipped_bank()


def test_draws_without_a_seed_differ_and_their_seed_reproduces_them(bank):
    kits = [build_kit(bank, level="mid", minutes=45) for _ in range(4)]
    seeds = [kit.seed for kit in kits]
    assert len(set(seeds)) > 1, f"every draw used the same seed: {seeds}"
    assert len({tuple(q.slug for q in kit.questions) for kit in kits}) > 1, (
        "every draw chose the same questions"
    )
    for kit in kits:
        again = build_kit(bank, level="mid", minutes=45, seed=kit.seed)
        assert again.questions == kit.questions
        assert f"(seed {kit.seed})" in to_markdown(kit)


def test_a_fresh_seed_is_short_enough_to_type_back():
    low, high = SEED_RANGE
    assert all(low <= new_seed() <= high for _ in range(50))
    assert len(str(high)) <= 6


def test_questions_the_candidate_met_are_left_out_and_counted(bank):
    first = build_kit(bank, level="mid", minutes=45, seed=81723)
    met = frozenset(q.slug for q in first.questions[:3]) | {"no-such-question"}
    kit = build_kit(bank, level="mid", minutes=45, seed=81723, exclude_questions=met)
    assert not met & {q.slug for q in kit.questions}
    assert kit.left_out == tuple(q.slug for q in first.questions[:3])  # only the bank's, in bank order
    assert "Left out of the draw: 3 questions the candidate already met" in to_markdown(kit)
    assert "Left out of the draw" not in to_markdown(first)


def test_the_command_line_prints_the_seed_it_drew_with(tmp_path):
    import re

    from typer.testing import CliRunner

    from mlinterview.cli import app

    runs = []
    for n in range(2):
        out = tmp_path / f"kit-{n}.md"
        result = CliRunner().invoke(app, ["kit", "--level", "mid", "--minutes", "30", "-o", str(out)])
        assert result.exit_code == 0, result.output
        seed = re.search(r"drawn with seed (\d+) \(--seed \1 draws the same kit again\)", result.output)
        assert seed, result.output
        assert f"(seed {seed[1]})" in out.read_text()
        runs.append((seed[1], out.read_text()))
    again = tmp_path / "again.md"
    assert (
        CliRunner()
        .invoke(app, ["kit", "--level", "mid", "--minutes", "30", "--seed", runs[0][0], "-o", str(again)])
        .exit_code
        == 0
    )
    assert again.read_text() == runs[0][1]
