"""``import_bank``: idempotent, versions changed questions, retires and restores, all or nothing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from mlinterview.bank import load_bank
from mlinterview.cli import app
from mlinterview.web.questions.importer import import_bank
from mlinterview.web.questions.models import Question, QuestionSet, QuestionVersion, RoleProfile
from tests.shipped import shipped_bank

pytestmark = pytest.mark.django_db


def test_first_import_creates_everything():
    bank = shipped_bank()
    report = import_bank(bank)
    assert sorted(report.created) == sorted(bank.questions)
    assert Question.objects.count() == len(bank)
    assert QuestionSet.objects.count() == len(bank.sets)
    assert QuestionVersion.objects.count() == len(bank)
    assert RoleProfile.objects.count() == 1
    row = Question.objects.get(slug="type-1-vs-type-2-errors")
    assert row.current_version.number == 1
    assert row.content == bank.get("type-1-vs-type-2-errors")


def test_second_import_changes_nothing():
    bank = shipped_bank()
    import_bank(bank)
    before = {
        "questions": list(Question.objects.values_list("id", "slug", "current_version_id", "updated_at")),
        "versions": QuestionVersion.objects.count(),
        "profiles": RoleProfile.objects.count(),
    }
    report = import_bank(shipped_bank())
    assert not report.changed
    assert sorted(report.unchanged) == sorted(bank.questions)
    after = {
        "questions": list(Question.objects.values_list("id", "slug", "current_version_id", "updated_at")),
        "versions": QuestionVersion.objects.count(),
        "profiles": RoleProfile.objects.count(),
    }
    assert after == before


def test_edit_adds_a_version_and_keeps_the_id(content_copy, write_question, exemplar_data):
    import_bank(load_bank(content_copy))
    row = Question.objects.get(slug="type-1-vs-type-2-errors")
    exemplar_data["title"] = "Type I and type II errors"
    write_question(exemplar_data)
    report = import_bank(load_bank(content_copy))
    assert report.updated == ["type-1-vs-type-2-errors"]
    edited = Question.objects.get(slug="type-1-vs-type-2-errors")
    assert edited.id == row.id
    assert edited.title == "Type I and type II errors"
    assert [v.number for v in edited.versions.all()] == [1, 2]
    assert edited.versions.get(number=1).data["title"] == "Type I versus type II errors"
    assert edited.current_version.number == 2


def test_removed_question_is_retired_then_restored(content_copy, write_question, exemplar_data):
    extra = write_question(dict(exemplar_data, slug="temporary-question"))
    import_bank(load_bank(content_copy))
    extra.unlink()
    report = import_bank(load_bank(content_copy))
    assert report.retired == ["temporary-question"]
    assert Question.objects.get(slug="temporary-question").retired
    write_question(dict(exemplar_data, slug="temporary-question"))
    report = import_bank(load_bank(content_copy))
    assert report.restored == ["temporary-question"]
    row = Question.objects.get(slug="temporary-question")
    assert not row.retired and row.versions.count() == 1


def test_role_profile_new_revision_only_when_changed(content_copy):
    import_bank(load_bank(content_copy))
    import_bank(load_bank(content_copy))
    assert RoleProfile.objects.count() == 1
    profile = content_copy / "role-profile.yaml"
    profile.write_text(profile.read_text().replace("Machine learning engineer", "ML engineer", 1))
    assert import_bank(load_bank(content_copy)).role_profile_changed
    assert RoleProfile.current().content.title == "ML engineer"


def test_cli_import_is_idempotent(content_copy):
    runner = CliRunner()
    first = runner.invoke(app, ["bank", "import", "--content", str(content_copy), "--json"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["bank", "import", "--content", str(content_copy)])
    assert second.exit_code == 0, second.output
    assert "0 new, 0 updated, 1 unchanged, 0 retired" in second.stdout


def test_broken_content_imports_nothing(content_copy, write_question):
    write_question("slug: [", name="broken.yaml")
    result = CliRunner().invoke(app, ["bank", "import", "--content", str(content_copy)])
    assert result.exit_code == 2
    assert Question.objects.count() == 0
