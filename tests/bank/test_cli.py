"""The ``mlinterview bank`` commands, in process (CliRunner) and as the installed console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from mlinterview.cli import app
from tests.shipped import shipped_bank

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_validate_passes_on_shipped_content():
    result = run("bank", "validate")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")


def test_validate_fails_with_one_line_per_error(content_copy, write_question, exemplar_data):
    write_question(dict(exemplar_data, slug="no-points", key_points=[]))
    write_question(dict(exemplar_data, slug="odd-set", set="astrology"))
    result = run("bank", "validate", str(content_copy))
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert any("no-points.yaml: key_points:" in line for line in lines)
    assert any("odd-set.yaml: set: unknown set" in line for line in lines)


def test_validate_one_file(content_copy, write_question, exemplar_data):
    bad = write_question(dict(exemplar_data, slug="empty-answer", reference_answer=""))
    good = content_copy / "questions" / "fundamentals" / "type-1-vs-type-2-errors.yaml"
    result = run("bank", "validate", str(bad))
    assert result.exit_code == 1
    assert "empty-answer.yaml: reference_answer: is empty" in result.stdout
    result = run("bank", "validate", str(good))
    assert result.exit_code == 0, result.output


def test_validate_missing_path():
    result = run("bank", "validate", "/no/such/place")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_show_json_is_complete_for_every_shipped_question():
    from mlinterview.cli.bank import question_record

    bank = shipped_bank()
    # Through the command for one question with key points and one open-ended question (each call
    # loads the whole bank, two seconds), and through the same record function for every question.
    through_cli = {
        next(q.slug for q in bank if bank.sets[q.set].open_ended is open_ended)
        for open_ended in (False, True)
    }
    for slug in bank.questions:
        if slug in through_cli:
            result = run("bank", "show", slug, "--json")
            assert result.exit_code == 0, result.output
            record = json.loads(result.stdout)
        else:
            record = json.loads(json.dumps(question_record(bank.get(slug), bank)))
        assert record["slug"] == slug
        for field in (
            "set",
            "topic",
            "title",
            "prompt",
            "level",
            "tags",
            "minutes",
            "follow_ups",
            "rating_anchors",
            "open_ended",
            "set_title",
        ):
            assert record[field] not in (None, "", []), (slug, field)
        assert set(record["rating_anchors"]) == {"1", "2", "3", "4"}
        if record["open_ended"]:
            assert len(record["signals"]["strong"]) >= 3 and len(record["signals"]["weak"]) >= 3
        else:
            assert record["reference_answer"].strip()
            assert len(record["key_points"]) >= 4
            assert all({"claim", "correction"} <= set(m) for m in record["misconceptions"])


def test_show_text_and_unknown_slug():
    result = run("bank", "show", "type-1-vs-type-2-errors")
    assert result.exit_code == 0
    assert "Reference answer:" in result.stdout and "Rating anchors:" in result.stdout
    result = run("bank", "show", "no-such-question")
    assert result.exit_code == 2
    assert "no question with slug 'no-such-question'" in result.output


def test_search_json_ranks_type_errors_first():
    result = run("bank", "search", "false positive vs false negative", "--json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits[0]["slug"] == "type-1-vs-type-2-errors"
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))


def test_list_filters():
    everything = json.loads(run("bank", "list", "--json").stdout)
    assert len(everything) == len(shipped_bank())
    coding = json.loads(run("bank", "list", "--set", "coding", "--json").stdout)
    assert coding and all(q["set"] == "coding" for q in coding)
    juniors = json.loads(run("bank", "list", "--level", "junior", "--json").stdout)
    assert juniors and all(q["level"] == "junior" for q in juniors)
    assert run("bank", "list", "--set", "astrology").exit_code == 2
    assert run("bank", "list", "--level", "guru").exit_code == 2


def test_broken_content_makes_commands_fail_clearly(content_copy, write_question):
    write_question("title: [", name="broken.yaml")
    result = run("bank", "list", "--content", str(content_copy))
    assert result.exit_code == 2
    assert "broken.yaml" in result.output and "content error" in result.output


@pytest.mark.skipif(shutil.which("mlinterview") is None, reason="console script not on PATH")
def test_console_script_end_to_end():
    done = subprocess.run(
        ["mlinterview", "bank", "show", "type-1-vs-type-2-errors", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["level"] == "junior"


def test_python_dash_m_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "mlinterview", "bank", "search", "roc", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["slug"] == "roc-curve"


def test_shipped_bank_meets_its_size_set_and_level_policy():
    """The bank's promise, read from `bank stats --json` as a user would: at least 431 questions,
    every set at its minimum, each level within its tolerance of the target, all reviewed."""
    from mlinterview.bank.quality import load_policy

    stats = json.loads(run("bank", "stats", "--json").output)
    policy = load_policy(shipped_bank().root)
    assert policy.min_set_size >= 15 and policy.level_tolerance <= 0.05
    assert stats["total"] >= 431
    assert min(stats["by_set"].values()) >= policy.min_set_size, stats["by_set"]
    for level, target in stats["level_targets"].items():
        assert abs(stats["level_shares"][level] - target) <= policy.level_tolerance, (
            level,
            stats["level_shares"],
        )
    assert stats["reviewed"] == stats["total"]
