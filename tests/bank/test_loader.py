"""The loader: complete records on good content, precise errors (file, field) on bad content."""

from __future__ import annotations

import pytest

from mlinterview.bank import BankError, UnknownQuestion, load_bank
from mlinterview.bank.loader import _parse_yaml_text


def errors_of(root):
    with pytest.raises(BankError) as info:
        load_bank(root)
    return info.value.errors


def test_loads_the_scratch_content(content_copy):
    bank = load_bank(content_copy)
    question = bank.get("type-1-vs-type-2-errors")
    assert question.set == "fundamentals"
    assert len(question.key_points) >= 4
    assert bank.sources["type-1-vs-type-2-errors"].name == "type-1-vs-type-2-errors.yaml"
    assert {s.slug for s in bank.role_profile.core_skills} >= {"model-evaluation"}


def test_unknown_slug_raises(content_copy):
    with pytest.raises(UnknownQuestion, match="no-such-question"):
        load_bank(content_copy).get("no-such-question")


def test_missing_key_points_names_file_and_field(content_copy, write_question, exemplar_data):
    exemplar_data.update(slug="no-points", key_points=[])
    write_question(exemplar_data)
    [error] = errors_of(content_copy)
    assert error.file.endswith("questions/fundamentals/no-points.yaml")
    assert error.field == "key_points"
    assert "at least 4" in error.message


def test_too_few_key_points(content_copy, write_question, exemplar_data):
    exemplar_data.update(slug="few-points", key_points=exemplar_data["key_points"][:2])
    write_question(exemplar_data)
    [error] = errors_of(content_copy)
    assert (error.field, error.message) == ("key_points", "has 2, expected at least 4")


def test_duplicate_slug_names_both_files(content_copy, write_question, exemplar_data):
    write_question(exemplar_data, name="type-1-vs-type-2-errors.yaml", folder="coding")
    errors = errors_of(content_copy)
    [error] = errors
    assert error.field == "slug" and "duplicate slug 'type-1-vs-type-2-errors'" in error.message
    named = error.file + error.message
    assert "coding/type-1-vs-type-2-errors.yaml" in named
    assert "fundamentals/type-1-vs-type-2-errors.yaml" in named


def test_unknown_set(content_copy, write_question, exemplar_data):
    exemplar_data.update(slug="odd-set", set="astrology")
    write_question(exemplar_data)
    [error] = errors_of(content_copy)
    assert error.field == "set"
    assert "unknown set 'astrology'" in error.message
    assert error.file.endswith("odd-set.yaml")


def test_malformed_yaml_gives_line(content_copy, write_question):
    write_question("slug: broken\ntitle: [unclosed\nprompt: x\n", name="broken.yaml")
    [error] = errors_of(content_copy)
    assert error.file.endswith("broken.yaml")
    assert "malformed YAML at line" in error.message


@pytest.mark.parametrize("answer", ["", "   \n  "])
def test_empty_answer(content_copy, write_question, exemplar_data, answer):
    exemplar_data.update(slug="empty-answer", reference_answer=answer)
    write_question(exemplar_data)
    [error] = errors_of(content_copy)
    assert (error.field, error.message) == ("reference_answer", "is empty")


def test_answer_word_bounds(content_copy, write_question, exemplar_data):
    exemplar_data.update(slug="short-answer", reference_answer="Far too short to be useful.")
    write_question(exemplar_data)
    [error] = errors_of(content_copy)
    assert error.field == "reference_answer" and "expected 80 to 250" in error.message


def test_missing_and_unknown_fields(content_copy, write_question, exemplar_data):
    del exemplar_data["level"]
    exemplar_data.update(slug="no-level", colour="blue")
    write_question(exemplar_data)
    errors = {(e.field, e.message) for e in errors_of(content_copy)}
    assert ("level", "is required") in errors
    assert ("colour", "is not a known field") in errors


def test_bad_level_and_nested_misconception_field(content_copy, write_question, exemplar_data):
    exemplar_data.update(slug="bad-nested", level="guru")
    del exemplar_data["misconceptions"][1]["correction"]
    write_question(exemplar_data)
    fields = {e.field for e in errors_of(content_copy)}
    assert {"level", "misconceptions.1.correction"} <= fields


def test_slug_must_match_file_name(content_copy, write_question, exemplar_data):
    exemplar_data["slug"] = "something-else"
    write_question(exemplar_data, name="mismatch.yaml")
    [error] = errors_of(content_copy)
    assert error.field == "slug" and "does not match the file name" in error.message


def test_open_ended_set_requires_signals(content_copy, write_question, exemplar_data):
    exemplar_data.update(slug="open-without-signals", set="general-interest")
    write_question(exemplar_data, folder="general-interest")
    [error] = errors_of(content_copy)
    assert (error.field, error.message) == ("signals", "is required for a question in an open-ended set")


def test_unknown_skill(content_copy, write_question, exemplar_data):
    exemplar_data.update(slug="odd-skill", skills=["juggling"])
    write_question(exemplar_data)
    [error] = errors_of(content_copy)
    assert error.field == "skills.0" and "unknown skill" in error.message


def test_never_half_loads_and_reports_every_error(content_copy, write_question, exemplar_data):
    good = dict(exemplar_data, slug="good-one")
    write_question(good)
    write_question(dict(exemplar_data, slug="bad-one", key_points=[]))
    write_question("::: not yaml :::\n  - [", name="worse.yaml")
    errors = errors_of(content_copy)
    assert {e.file.rsplit("/", 1)[-1] for e in errors} == {"bad-one.yaml", "worse.yaml"}


def test_empty_file(content_copy, write_question):
    write_question("", name="empty.yaml")
    [error] = errors_of(content_copy)
    assert error.file.endswith("empty.yaml") and "empty" in error.message


def test_missing_content_folder(tmp_path):
    [error] = errors_of(tmp_path / "nowhere")
    assert "does not exist" in error.message


def test_a_second_load_reads_changed_files_afresh_and_shares_nothing(content_copy, exemplar_data):
    # The loader keeps what each file's text parsed to, keyed by the text: a change must show at
    # once, and two loads must never hand out the same objects (one caller's edit is not another's).
    first = load_bank(content_copy)
    second = load_bank(content_copy)
    slug = "type-1-vs-type-2-errors"
    assert first.get(slug) == second.get(slug)
    text = (content_copy / "questions" / "fundamentals" / f"{slug}.yaml").read_text()
    once, again = _parse_yaml_text(text), _parse_yaml_text(text)
    assert once == again and once is not again and once["key_points"] is not again["key_points"]
    path = content_copy / "questions" / "fundamentals" / f"{slug}.yaml"
    path.write_text(path.read_text().replace(exemplar_data["title"], "A retitled question", 1))
    assert load_bank(content_copy).get(slug).title == "A retitled question"
