"""``mlinterview grade`` and ``mlinterview scoring train``: outputs, batch = single, clear errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mlinterview.cli import app
from tests.scoring.conftest import RESULT_FIELDS, written_answers

runner = CliRunner()
ANSWERS = written_answers()


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_grade_json_has_the_documented_fields(bank, scorer):
    answer = ANSWERS["loss-function"]["strong"]
    result = run("grade", "loss-function", "--answer", answer, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == RESULT_FIELDS
    assert data["slug"] == "loss-function" and data["score"] >= 3
    # Exactly what the scorer says about this answer, nothing lost or added on the way out.
    assert data == scorer.score(bank.get("loss-function"), answer).to_dict()


def flat(text: str) -> str:
    return " ".join(text.split())


def test_grade_text_output_shows_evidence_and_misconceptions(bank, scorer):
    answer = ANSWERS["artificial-neural-network"]["swapped"]
    result = run("grade", "artificial-neural-network", "--answer", answer)
    assert result.exit_code == 0, result.output
    expected = scorer.score(bank.get("artificial-neural-network"), answer)
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"artificial-neural-network: {expected.score:.2f} / 5 (band {expected.band}, "
        f"confidence {expected.confidence:.2f})"
    )
    out = flat(result.stdout)
    for wrong in expected.misconceptions:
        assert f"✗ misconception: {wrong['text']} correction: {wrong['correction']}" in out
    marks = {"covered": "✓", "partial": "◐", "missing": "·", "contradicted": "✗"}
    for point in expected.key_points:
        mark = marks[point["verdict"]]
        assert f"{mark} {flat(point['text'])}" in out
        if point["evidence"]:
            closest = "closest sentence: " if point["stands_alone"] is False else ""
            assert f"{mark} {flat(point['text'])} {closest}“{flat(point['evidence'])}”" in out
    assert out.endswith(flat(expected.feedback))


def test_the_text_output_prints_each_misconception_with_its_correction(bank, capsys):
    import numpy as np

    from mlinterview.cli.scoring import _print_result
    from mlinterview.scoring import reading
    from mlinterview.scoring.reader_scorer import _result

    question = bank.get("loss-function")
    said = "Mean squared error is more robust to outliers than mean absolute error."
    number = next(n for n, m in enumerate(question.misconceptions) if "robust" in m.claim)
    stated = np.zeros((len(question.misconceptions), 3))
    stated[:, 0] = 1.0
    stated[number] = [0.0, 1.0, 0.0]
    points = np.array([[1.0, 0.0, 0.0]] * len(question.key_points))
    points[0] = [0.0, 0.0, 1.0]  # the first key point contradicted
    found = reading.Probabilities(points, stated, 0.9)
    contradiction = "A loss function is only needed after training, to report results."
    quotes = [""] * (len(question.key_points) + len(question.misconceptions))
    quotes[0] = contradiction
    quotes[len(question.key_points) + number] = said
    ruled = reading.verdicts(question, found, reading.DEFAULT_THRESHOLDS, quotes)
    support = [1.0] * len(quotes)  # each quoted sentence bears its verdict out on its own
    _print_result(_result(question, ruled, found, reading.DEFAULT_THRESHOLDS, support).to_dict())
    out = flat(capsys.readouterr().out).replace("- ", "-")  # textwrap may break a line at a hyphen
    wrong = question.misconceptions[number]
    assert f"✗ misconception: {wrong.claim} correction: {wrong.correction}" in out
    assert f"Misconception: “{said}”. {wrong.correction}" in out
    assert f"✗ {flat(question.graded_points[0])} “{contradiction}”" in out


def test_answer_file_and_stdin(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(ANSWERS["hyperparameter-tuning"]["partial"])
    from_file = json.loads(run("grade", "hyperparameter-tuning", "--answer-file", str(path), "--json").stdout)
    from_stdin = json.loads(
        run("grade", "hyperparameter-tuning", "--answer-file", "-", "--json", stdin=path.read_text()).stdout
    )
    direct = json.loads(run("grade", "hyperparameter-tuning", "--answer", path.read_text(), "--json").stdout)
    assert from_file == from_stdin == direct


def test_batch_lines_echo_the_input_and_equal_single_results(tmp_path):
    items = [
        {"slug": slug, "answer": texts[kind], "id": f"{slug}/{kind}"}
        for slug, texts in sorted(ANSWERS.items())[:4]
        for kind in ("strong", "swapped")
    ]
    batch = tmp_path / "answers.jsonl"
    batch.write_text("\n".join(json.dumps(i) for i in items) + "\n\n")
    result = run("grade", "--batch", str(batch), "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [{k: v for k, v in line.items() if k != "result"} for line in lines] == items
    for item, line in zip(items, lines, strict=True):
        single = json.loads(run("grade", item["slug"], "--answer", item["answer"], "--json").stdout)
        assert line["result"]["score"] == pytest.approx(single["score"], abs=0.011)
        assert line["result"]["key_points"] == single["key_points"]
        assert line["result"]["misconceptions"] == single["misconceptions"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["grade", "no-such-question", "--answer", "x"], "unknown question slug 'no-such-question'"),
        (["grade", "loss-function"], "exactly one of --answer"),
        (["grade", "loss-function", "--answer", "a", "--answer-file", "f"], "exactly one of --answer"),
        (["grade", "loss-function", "--answer-file", "/nonexistent/answer.txt"], "cannot read"),
        (["grade"], "give a question slug"),
        (["grade", "--batch", "/nonexistent.jsonl"], "cannot read"),
    ],
)
def test_errors_exit_2_with_a_clear_message(args, message):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"slug": "loss-function", "answer": "fine"}\nnot json\n', ":2: not valid JSON"),
        (
            '{"slug": "loss-function", "answer": "ok"}\n{"slug": "nope", "answer": "x"}\n',
            ":2: unknown question",
        ),
        ('{"slug": "loss-function"}\n', ':1: "answer" must be a string'),
        ('["loss-function", "x"]\n', ":1: each line must be an object"),
        ("\n\n", "has no answers"),
    ],
)
def test_a_bad_batch_writes_nothing(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    result = run("grade", "--batch", str(path), "--json")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_train_reports_a_missing_data_folder(tmp_path):
    out = tmp_path / "calibration.json"
    result = run("scoring", "train", "--data", str(tmp_path / "missing"), "--out", str(out))
    assert result.exit_code == 2
    assert "not found" in result.stderr
    assert not out.exists()
