"""The blind second reading of graded answers (issue 13): complete, blind, and reconciled."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

from mlinterview import REPO_DIR
from mlinterview.bank import load_bank
from tests.bank.test_graded_answers import SLUG, answer, graded_file, write_graded
from tests.shipped import shipped_bank

spec = importlib.util.spec_from_file_location("second_reading", REPO_DIR / "scripts" / "second_reading.py")
assert spec is not None and spec.loader is not None
second_reading = importlib.util.module_from_spec(spec)
spec.loader.exec_module(second_reading)


@pytest.fixture(scope="module")
def bank():
    return shipped_bank()


def every_answer(bank):
    for part in (bank.graded, bank.evaluation):
        for slug, answers in part.items():
            for a in answers.answers:
                yield slug, a


def test_every_shipped_answer_was_read_a_second_time_by_someone_else(bank):
    unread = [f"{slug}/{a.id}" for slug, a in every_answer(bank) if a.second_reading is None]
    same = [
        f"{slug}/{a.id}"
        for slug, a in every_answer(bank)
        if a.second_reading is not None and a.second_reading.by == a.written_by
    ]
    assert unread == []
    assert same == []


def test_disagreements_of_two_or_more_are_reconciled(bank):
    open_ = [
        f"{slug}/{a.id}"
        for slug, a in every_answer(bank)
        if a.second_reading is not None and abs(a.grade - a.second_reading.grade) >= 2 and not a.reconciled
    ]
    assert open_ == []


def test_training_and_evaluation_answers_have_different_second_readers(bank):
    training = {a.second_reading.by for _, answers in bank.graded.items() for a in answers.answers}
    evaluation = {a.second_reading.by for _, answers in bank.evaluation.items() for a in answers.answers}
    assert not training & evaluation


def test_the_export_hides_grade_kind_covers_note_and_id(bank, tmp_path):
    second_reading.export(bank, "evaluation", 2, tmp_path, seed=1)
    text = "\n".join(p.read_text() for p in sorted(tmp_path.glob("batch-*.md")))
    codes = json.loads((tmp_path / "codes.json").read_text())
    assert len(codes) == sum(len(a.answers) for a in bank.evaluation.values())
    first = next(iter(next(iter(bank.evaluation.values())).answers))
    assert first.text.strip().splitlines()[0] in text
    for field in ("grade", "kind", "covers", "contradicts", "states", "written_by", "note"):
        assert not re.search(rf"^\s*-?\s*{field}:", text, re.MULTILINE)
    assert f"Answer {first.id}" not in text and f"id: {first.id}" not in text
    if first.note:
        assert first.note not in text


def test_merge_writes_the_reading_into_its_answer_and_refuses_a_second_one(content_copy, tmp_path):
    root = content_copy
    path = write_graded(root, graded_file(answer(id="first"), answer(id="second", grade=2)))
    loaded = load_bank(root)
    codes = {
        second_reading.code_for("training", SLUG, answer_id): {
            "part": "training",
            "question": SLUG,
            "id": answer_id,
        }
        for answer_id in ("first", "second")
    }
    (tmp_path / "codes.json").write_text(json.dumps(codes))
    readings = tmp_path / "r.jsonl"
    code = second_reading.code_for("training", SLUG, "second")
    readings.write_text(json.dumps({"code": code, "grade": 3.5, "covers": [2, 1]}) + "\n")
    second_reading.merge(loaded, tmp_path / "codes.json", "reader Z", [readings])
    merged = {a.id: a for a in load_bank(root).graded[SLUG].answers}
    assert merged["first"].second_reading is None
    assert merged["second"].second_reading.by == "reader Z"
    assert merged["second"].second_reading.grade == 3.5
    assert merged["second"].second_reading.covers == [1, 2]
    assert merged["second"].grade == 2  # the writer's grade is untouched
    with pytest.raises(ValueError, match="already has a second reading"):
        second_reading.merge(load_bank(root), tmp_path / "codes.json", "reader Y", [readings])
    assert path.read_text().count("second_reading:") == 1


def test_an_unread_export_holds_only_the_answers_without_a_second_reading(content_copy, tmp_path):
    root = content_copy
    write_graded(root, graded_file(answer(id="first"), answer(id="second", grade=2)))
    codes = {
        second_reading.code_for("training", SLUG, "second"): {
            "part": "training",
            "question": SLUG,
            "id": "second",
        }
    }
    (tmp_path / "codes.json").write_text(json.dumps(codes))
    readings = tmp_path / "r.jsonl"
    readings.write_text(json.dumps({"code": next(iter(codes)), "grade": 2, "covers": [1]}) + "\n")
    second_reading.merge(load_bank(root), tmp_path / "codes.json", "reader Z", [readings])
    second_reading.export(load_bank(root), "training", 1, tmp_path / "out", seed=1, unread=True)
    exported = json.loads((tmp_path / "out" / "codes.json").read_text())
    assert [entry["id"] for entry in exported.values()] == ["first"]
    second_reading.export(load_bank(root), "training", 1, tmp_path / "all", seed=1)
    assert len(json.loads((tmp_path / "all" / "codes.json").read_text())) == 2


def test_agreement_is_quadratic_weighted_kappa_on_half_points():
    assert second_reading.agreement([(0, 0), (5, 5), (2.5, 2.5)]) == pytest.approx(1.0)
    assert second_reading.agreement([(0, 5), (5, 0)]) < 0
    assert second_reading.agreement([(3, 3)]) is None
