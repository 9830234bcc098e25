"""``mlinterview judge``, ``exercises`` and ``sandbox run`` as a user runs them (real sandbox)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlinterview.cli import app

pytestmark = pytest.mark.sandbox
runner = CliRunner()


def test_judge_a_reference_solution_as_json(exercises, tmp_path):
    solution = tmp_path / "mine.py"
    solution.write_text(exercises["confusion-matrix"].solution_source)
    result = runner.invoke(app, ["judge", "confusion-matrix", str(solution), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["score"] == 1.0 and report["verdict"] == "ok" and report["sandboxed"] is True
    assert {"name", "points", "max_points", "passed", "public", "message"} <= set(report["tests"][0])
    assert report["timings"]["wall_seconds"] > 0


def test_judge_a_wrong_solution_shows_public_details_only(exercises, tmp_path):
    solution = tmp_path / "mine.py"
    solution.write_text("def roc_auc(y_true, scores):\n    return 0.5\n")
    result = runner.invoke(app, ["judge", "roc-auc", str(solution)])
    assert result.exit_code == 1
    assert "roc-auc:" in result.output and "✗" in result.output
    assert "[public" in result.output and "[hidden" in result.output
    hidden_lines = [line for line in result.output.splitlines() if "[hidden" in line and "✗" in line]
    assert hidden_lines and all("roc_auc(" not in line for line in hidden_lines)


def test_judge_refuses_unknown_exercise_and_missing_file(tmp_path):
    unknown = runner.invoke(app, ["judge", "no-such-exercise", str(tmp_path / "x.py")])
    assert unknown.exit_code == 2 and "known exercises" in unknown.output
    missing = runner.invoke(app, ["judge", "roc-auc", str(tmp_path / "absent.py")])
    assert missing.exit_code == 2 and "cannot read" in missing.output


def test_exercises_list_and_show_hide_the_hidden_tests(exercises):
    listing = runner.invoke(app, ["exercises", "list", "--json"])
    assert listing.exit_code == 0
    assert {row["slug"] for row in json.loads(listing.output)} == set(exercises)
    shown = runner.invoke(app, ["exercises", "show", "roc-auc"])
    assert shown.exit_code == 0 and "def roc_auc" in shown.output and "Examples:" in shown.output
    hidden = [c.name for c in exercises["roc-auc"].cases if not c.public]
    assert not any(name in shown.output for name in hidden)
    assert "_average_ranks" not in shown.output  # nothing of the reference solution


def test_sandbox_run_reports_verdicts_and_output(tmp_path):
    ok = tmp_path / "ok.py"
    ok.write_text("print('hello from inside')\n")
    result = runner.invoke(app, ["sandbox", "run", str(ok), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["verdict"] == "ok" and report["stdout"] == "hello from inside\n" and report["sandboxed"]

    hog = tmp_path / "hog.py"
    hog.write_text("x = bytearray(400 * 2**20)\nx[::4096] = b'1' * len(x[::4096])\n")
    result = runner.invoke(app, ["sandbox", "run", str(hog), "--memory", "128", "--json"])
    assert result.exit_code == 3 and json.loads(result.output)["verdict"] == "memory_limit"

    spin = tmp_path / "spin.py"
    spin.write_text("while True: pass\n")
    # A wall limit far above the CPU limit: on a loaded machine the CPU limit still stops it first.
    result = runner.invoke(app, ["sandbox", "run", str(spin), "--cpu", "1", "--wall", "30"])
    assert result.exit_code == 3
    assert "verdict: time_limit - the program used more than 1 s of CPU time" in result.output


def test_installed_command_refuses_clearly_without_bubblewrap(tmp_path):
    program = tmp_path / "p.py"
    program.write_text("print(1)\n")
    command = shutil.which("mlinterview", path=str(Path(sys.executable).parent))
    assert command is not None, "the console script is installed next to the interpreter"
    done = subprocess.run(
        [command, "sandbox", "run", str(program)],
        capture_output=True,
        text=True,
        env={"PATH": "/nonexistent", "HOME": str(tmp_path)},
        check=False,
    )
    assert done.returncode == 2
    assert "bubblewrap (bwrap) is not installed" in done.stderr
