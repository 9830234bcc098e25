"""The exercise catalogue's metadata (issue 18): each exercise says which kind of coding work it
samples and which core skills of the role profile it gives evidence of; the CLI lists and filters
by both. No sandbox needed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from mlinterview import REPO_DIR
from mlinterview.cli import app
from mlinterview.exercises import ExerciseError, load_exercises
from mlinterview.exercises.model import ExerciseKind

runner = CliRunner()
CONTENT = REPO_DIR / "content"
ROLE_SKILLS = {s["slug"] for s in yaml.safe_load((CONTENT / "role-profile.yaml").read_text())["core_skills"]}


def listing(*options: str) -> list[dict]:
    result = runner.invoke(app, ["exercises", "list", "--json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_every_exercise_has_a_kind_and_core_skills_in_the_listing():
    rows = listing()
    assert len(rows) == len(load_exercises()) >= 15
    for row in rows:
        assert row["kind"] in {k.value for k in ExerciseKind}, row
        assert row["skills"] and set(row["skills"]) <= ROLE_SKILLS, row
        assert {"slug", "title", "level", "minutes", "tags"} <= set(row)


def test_filters_by_kind_and_by_skill():
    everything = listing()
    wrangling = listing("--kind", "data-wrangling")
    assert wrangling and {r["slug"] for r in wrangling} == {
        r["slug"] for r in everything if r["kind"] == "data-wrangling"
    }
    evaluation = listing("--skill", "model-evaluation")
    assert evaluation and all("model-evaluation" in r["skills"] for r in evaluation)
    assert len(evaluation) < len(everything)
    both = listing("--kind", "from-scratch", "--skill", "model-evaluation")
    assert {r["slug"] for r in both} == {r["slug"] for r in evaluation if r["kind"] == "from-scratch"}


def test_an_unknown_kind_or_skill_is_an_error_that_names_the_choices():
    result = runner.invoke(app, ["exercises", "list", "--kind", "puzzles"])
    assert result.exit_code == 2 and "from-scratch" in result.output and "modelling" in result.output
    result = runner.invoke(app, ["exercises", "list", "--skill", "juggling"])
    assert result.exit_code == 2 and "model-evaluation" in result.output


@pytest.fixture
def one_exercise(tmp_path: Path) -> Path:
    """A content folder with the role profile and one exercise, to break on purpose."""
    root = tmp_path / "content"
    (root / "exercises").mkdir(parents=True)
    shutil.copy(CONTENT / "role-profile.yaml", root / "role-profile.yaml")
    shutil.copytree(CONTENT / "exercises" / "roc-auc", root / "exercises" / "roc-auc")
    return root / "exercises" / "roc-auc" / "exercise.yaml"


def _rewrite(path: Path, **changes) -> None:
    data = yaml.safe_load(path.read_text())
    for key, value in changes.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_a_skill_outside_the_role_profile_is_refused(one_exercise):
    _rewrite(one_exercise, skills=["model-evaluation", "juggling"])
    with pytest.raises(ExerciseError) as caught:
        load_exercises(one_exercise.parent.parent)
    assert caught.value.problems == [
        (str(one_exercise), "skills", "'juggling' is not a core skill of the role profile")
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"kind": None}, "kind"), ({"kind": "puzzles"}, "kind"), ({"skills": []}, "skills")],
)
def test_kind_and_skills_are_required(one_exercise, changes, field):
    _rewrite(one_exercise, **changes)
    with pytest.raises(ExerciseError) as caught:
        load_exercises(one_exercise.parent.parent)
    assert [(file, name) for file, name, _ in caught.value.problems] == [(str(one_exercise), field)]
