"""The interview kit: balanced, within budget, reproducible, and rendered to pages we look at."""

from __future__ import annotations

import subprocess

import pytest
from typer.testing import CliRunner

from mlinterview import REPO_DIR
from mlinterview.bank import load_bank
from mlinterview.bank.selection import CORE_SETS
from mlinterview.cli import app
from mlinterview.kits import build_kit, to_html, to_markdown


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def test_mid_45_seed_1_is_balanced_and_fits(bank):
    kit = build_kit(bank, level="mid", minutes=45, seed=1)
    assert kit.total_minutes <= 45
    assert kit.total_minutes >= 35  # the budget is used, not left half empty
    assert len(kit.core_sets_covered) >= 4, kit.core_sets_covered
    assert set(kit.core_sets_covered) <= set(CORE_SETS)
    assert len({q.slug for q in kit.questions}) == len(kit.questions)


def test_same_seed_same_kit_other_seed_other_kit(bank):
    first = to_markdown(build_kit(bank, level="mid", minutes=45, seed=1))
    assert to_markdown(build_kit(bank, level="mid", minutes=45, seed=1)) == first
    assert to_markdown(build_kit(bank, level="mid", minutes=45, seed=2)) != first


def test_guide_has_what_an_interviewer_needs(bank):
    kit = build_kit(bank, level="mid", minutes=45, seed=1)
    text = to_markdown(kit)
    for question in kit.questions:
        assert question.title in text
        assert question.rating_anchors.four in text
        assert question.follow_ups[0] in text
    assert "## Scorecard" in text and "Strong yes" in text
    assert "<table>" in to_html(kit)


def test_filters(bank):
    kit = build_kit(bank, level="junior", minutes=30, seed=3, include_sets=("algorithms",))
    assert {q.set for q in kit.questions} == {"algorithms"}
    with pytest.raises(ValueError, match="unknown set"):
        build_kit(bank, level="mid", minutes=30, include_sets=("astrology",))


def test_cli_pdf_rendered_and_looked_at(tmp_path):
    pdf = tmp_path / "kit.pdf"
    result = CliRunner().invoke(
        app, ["kit", "--level", "mid", "--minutes", "45", "--seed", "1", "--format", "pdf", "-o", str(pdf)]
    )
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")
    artifacts = REPO_DIR / "artifacts"
    artifacts.mkdir(exist_ok=True)
    for old in artifacts.glob("kit-mid-45-*.png"):
        old.unlink()  # pages of an earlier, longer kit must not count
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(artifacts / "kit-mid-45")], check=True)
    pages = sorted(artifacts.glob("kit-mid-45-*.png"))
    assert pages and pages[0].stat().st_size > 10_000  # a full page of text, not a blank one
    assert all(p.stat().st_size > 2_000 for p in pages)  # no empty pages


def test_cli_errors(tmp_path):
    runner = CliRunner()
    bad = runner.invoke(
        app,
        ["kit", "--level", "mid", "--minutes", "45", "--include", "astrology", "-o", str(tmp_path / "k.md")],
    )
    assert bad.exit_code == 2 and "unknown set" in bad.output
    assert not (tmp_path / "k.md").exists()
