"""The interview kit: balanced, within budget, reproducible, and rendered to pages we look at."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mlinterview.bank import Level
from mlinterview.bank.selection import CORE_SETS, NEIGHBOURS
from mlinterview.cli import app
from mlinterview.kits import build_kit, to_html, to_markdown
from tests.shipped import shipped_bank


@pytest.fixture(scope="module")
def bank():
    return shipped_bank()


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


@settings(max_examples=25, deadline=None, derandomize=True, database=None)
@given(
    level=st.sampled_from(list(Level)),
    minutes=st.integers(min_value=5, max_value=90),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_any_kit_fits_its_budget_and_level(bank, level, minutes, seed):
    allowed = {level, *NEIGHBOURS[level]}
    try:
        kit = build_kit(bank, level=level, minutes=minutes, seed=seed)
    except ValueError as exc:
        assert str(exc) == "no question fits these filters and this time budget"
        assert min(q.minutes for q in bank if q.level in allowed) > minutes
        return
    assert 0 < kit.total_minutes <= minutes
    assert len({q.slug for q in kit.questions}) == len(kit.questions)
    assert {q.level for q in kit.questions} <= allowed
    assert build_kit(bank, level=level, minutes=minutes, seed=seed).questions == kit.questions


def test_filters(bank):
    kit = build_kit(bank, level="junior", minutes=30, seed=3, include_sets=("algorithms",))
    assert {q.set for q in kit.questions} == {"algorithms"}
    with pytest.raises(ValueError, match="unknown set"):
        build_kit(bank, level="mid", minutes=30, include_sets=("astrology",))


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF (poppler's pdftotext), whitespace collapsed."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True)
    pages = done.stdout.decode("utf-8").split("\f")
    assert pages[-1].strip() == ""  # pdftotext ends every page, the last one too, with a form feed
    return [" ".join(page.split()) for page in pages[:-1]]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    [line] = [line for line in info.splitlines() if line.startswith("Pages:")]
    return int(line.split()[1])


def flat(text: str) -> str:
    """Content text as it reads on the page: Markdown's code and emphasis marks gone, spaces collapsed.

    Inside a code span an asterisk is literal (`SELECT * FROM t` prints its star); outside one it is
    emphasis and does not print.
    """
    parts = re.split(r"(`[^`]*`)", text)
    shown = [part.strip("`") if part.startswith("`") else part.replace("*", "") for part in parts]
    return " ".join("".join(shown).split())


def assert_in_order(text: str, parts: list[str]) -> None:
    # pdftotext joins a word broken at its hyphen across lines without it ("out-" + "of-fold" reads
    # "outof-fold"), so hyphens are left out of the comparison.
    text = text.replace("-", "")
    parts = [part.replace("-", "") for part in parts]
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, (part, text[at : at + 300])
        at = found + len(part)


def test_cli_pdf_holds_the_chosen_questions_and_the_scorecard(bank, tmp_path, artifacts_dir):
    kit = build_kit(bank, level="mid", minutes=45, seed=1)
    pdf = tmp_path / "kit.pdf"
    result = CliRunner().invoke(
        app, ["kit", "--level", "mid", "--minutes", "45", "--seed", "1", "--format", "pdf", "-o", str(pdf)]
    )
    assert result.exit_code == 0, result.output
    summary = f"wrote {pdf} (pdf): {len(kit.questions)} questions, {kit.total_minutes} of 45 minutes"
    assert result.output.startswith(summary), result.output

    pages = pdf_pages(pdf)
    count = page_count(pdf)
    assert len(pages) == count
    # A page or so per question, plus the scorecard: not one page, not a page per key point.
    assert len(kit.questions) <= count <= 2 * len(kit.questions) + 2
    for number, page in enumerate(pages, 1):
        assert page.endswith(f"{number}/{count}"), page[-80:]  # the footer: page n of N, none blank
        assert len(page) > len(f"{number}/{count}") + 20, page

    # The pages' text without their footers, so a prompt that runs over a page break reads whole.
    text = " ".join(page.removesuffix(f"{number}/{count}").strip() for number, page in enumerate(pages, 1))
    assert text.startswith("Interview kit: mid ML engineer, 45 minutes")
    assert f"{len(kit.questions)} questions, about {kit.total_minutes} minutes of questions (seed 1)." in text
    # Each question in its turn: heading, what to ask, what to listen for, red flags, anchors.
    sections = []
    for number, question in enumerate(kit.questions, 1):
        sections += [
            f"{number}. {flat(question.title)}",
            f"Level: {question.level.value} · About {question.minutes} minutes",
            flat(question.prompt),
        ]
        if question.signals:
            sections.append(flat(question.signals.strong[0]))
        else:
            sections += [flat(question.key_points[0]), flat(question.misconceptions[0].claim)]
        sections += [flat(question.follow_ups[-1]), flat(question.rating_anchors.four)]
    scorecard = text[text.index("Scorecard") :]
    assert_in_order(text, sections + ["Scorecard"])
    # The scorecard lists every question, in order, then the recommendation.
    assert_in_order(scorecard, [flat(q.title) for q in kit.questions])
    assert_in_order(
        scorecard,
        [
            "Overall recommendation: ☐ Strong no ☐ No ☐ Yes ☐ Strong yes",
            "Reason (required):",
            "Interviewer:",
        ],
    )
    assert text.count("Assesses:") == len(kit.questions)  # no other question in the guide

    # The pages as images, for a person to look at (kept where CI keeps artifacts).
    folder = artifacts_dir / "kits"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("kit-mid-45-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(folder / "kit-mid-45")], check=True)
    assert len(list(folder.glob("kit-mid-45-*.png"))) == count
    shutil.copy(pdf, folder / "kit-mid-45.pdf")


def test_cli_errors(tmp_path):
    runner = CliRunner()
    bad = runner.invoke(
        app,
        ["kit", "--level", "mid", "--minutes", "45", "--include", "astrology", "-o", str(tmp_path / "k.md")],
    )
    assert bad.exit_code == 2 and "unknown set" in bad.output
    assert not (tmp_path / "k.md").exists()
