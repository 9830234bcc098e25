"""The bank's quality gates fire on content built to break each one, and stay quiet just short of it.

Each test writes a small scratch bank (a few shipped questions, a sets.yaml with only the sets it
needs, and its own quality.yaml), so the policy file beside the content is what drives the gates,
as it does for ``mlinterview bank validate``. The word-overlap gates and the set-size and
level-mix gates need no model; the near-duplicate and restated-key-point gates embed text with the
real sentence encoder (loaded once per test process and shared by this module's tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from mlinterview.bank import BankError, ContentError, load_bank
from mlinterview.bank.quality import check_bank, load_policy, question_text, word_overlap
from mlinterview.cli import app
from tests.conftest import CONTENT

EXEMPLAR = "type-1-vs-type-2-errors"
EXEMPLAR_FILE = f"content/questions/fundamentals/{EXEMPLAR}.yaml"

# Off unless a test switches them on, so that each test sees only the gate it is about.
QUIET = {
    "near_duplicate_threshold": 1.0,
    "restated_key_point_similarity": 1.0,
    "restated_key_point_overlap": 1.0,
    "misconception_overlap": 1.0,
    "min_set_size": 0,
    "level_targets": {},
    "level_tolerance": 0.05,
    "allow_near_duplicates": [],
}


def shipped(slug: str) -> dict[str, Any]:
    [path] = (CONTENT / "questions").glob(f"*/{slug}.yaml")
    return yaml.safe_load(path.read_text())


def use_sets(root: Path, *slugs: str) -> None:
    """Keep only these sets (in this order) in the scratch sets.yaml."""
    declared = {s["slug"]: s for s in yaml.safe_load((CONTENT / "sets.yaml").read_text())}
    (root / "sets.yaml").write_text(yaml.safe_dump([declared[s] for s in slugs], sort_keys=False))


def write_policy(root: Path, **changes: Any) -> None:
    (root / "quality.yaml").write_text(yaml.safe_dump({**QUIET, **changes}, sort_keys=False))


def add_shipped(write_question, *slugs: str) -> None:
    for slug in slugs:
        data = shipped(slug)
        write_question(data, folder=data["set"])


def gate_errors(root: Path, embed=None) -> list[ContentError]:
    return sorted(check_bank(load_bank(root), embed).errors)


# -- set size -----------------------------------------------------------------------------------


def test_a_set_below_the_minimum_is_named_with_its_size(content_copy, write_question):
    use_sets(content_copy, "fundamentals", "algorithms", "coding")
    add_shipped(write_question, "regularization", "loss-function")
    write_policy(content_copy, min_set_size=2)
    report = check_bank(load_bank(content_copy), None)
    assert report.set_sizes == {"fundamentals": 2, "algorithms": 1, "coding": 0}
    # fundamentals sits exactly at the minimum and passes; the others are short.
    assert sorted(report.errors) == [
        ContentError("content/sets.yaml", "algorithms", "has 1 questions, the minimum is 2"),
        ContentError("content/sets.yaml", "coding", "has 0 questions, the minimum is 2"),
    ]


def test_sets_at_the_minimum_pass(content_copy, write_question):
    use_sets(content_copy, "fundamentals", "algorithms")
    add_shipped(write_question, "regularization", "loss-function")
    write_policy(content_copy, min_set_size=1)
    assert gate_errors(content_copy) == []


# -- level mix ----------------------------------------------------------------------------------


TARGETS = {"junior": 0.25, "mid": 0.5, "senior": 0.25}


@pytest.fixture
def four_levels(content_copy, write_question) -> Path:
    """Two junior questions (the exemplar and define-ml), one mid, one senior: 50/25/25."""
    use_sets(content_copy, "fundamentals")
    add_shipped(write_question, "define-ml", "regularization", "double-descent")
    return content_copy


def test_levels_off_target_in_both_directions_are_reported(four_levels):
    write_policy(four_levels, level_targets=TARGETS, level_tolerance=0.2)
    report = check_bank(load_bank(four_levels), None)
    assert report.level_shares == {"junior": 0.5, "mid": 0.25, "senior": 0.25}
    assert sorted(report.errors) == [
        ContentError(
            "content/questions", "level", "junior questions are 50% of the bank, target 25% ± 20%"
        ),
        ContentError("content/questions", "level", "mid questions are 25% of the bank, target 50% ± 20%"),
    ]


def test_levels_exactly_at_the_tolerance_pass(four_levels):
    # 0.5 - 0.25 and 0.5 - 0.25 are exact in binary: the edge of the tolerance is inside it.
    write_policy(four_levels, level_targets=TARGETS, level_tolerance=0.25)
    assert gate_errors(four_levels) == []


def test_the_shipped_policy_reports_a_lopsided_bank(four_levels):
    """The real quality.yaml's targets (30/45/25 within 5 points) against a 50/25/25 bank."""
    (four_levels / "quality.yaml").write_text((CONTENT / "quality.yaml").read_text())
    policy = load_policy(four_levels)
    errors = check_bank(load_bank(four_levels), None, policy.model_copy(update={"min_set_size": 0})).errors
    assert sorted(errors) == [
        ContentError("content/questions", "level", "junior questions are 50% of the bank, target 30% ± 5%"),
        ContentError("content/questions", "level", "mid questions are 25% of the bank, target 45% ± 5%"),
    ]


# -- misconceptions -----------------------------------------------------------------------------


def test_a_misconception_restating_a_key_point_is_named(content_copy, write_question, exemplar_data):
    write_policy(content_copy, misconception_overlap=0.9)
    # Key point 0 with a colon and "it rejects": the same content words in the same order.
    exemplar_data["misconceptions"][2]["claim"] = (
        "A type I error is a false positive: it rejects a null hypothesis that is true."
    )
    write_question(exemplar_data)
    assert gate_errors(content_copy) == [
        ContentError(EXEMPLAR_FILE, "misconceptions.2.claim", "restates key point 0")
    ]


def test_a_misconception_one_word_from_a_key_point_passes(content_copy, write_question, exemplar_data):
    """A good misconception is deliberately close to a key point (one concept swapped)."""
    claim = "A type I error is a false positive, rejecting a null hypothesis that is false."
    overlap = word_overlap(claim, exemplar_data["key_points"][0])
    assert 0.85 < overlap < 0.9
    exemplar_data["misconceptions"][2]["claim"] = claim
    write_question(exemplar_data)
    write_policy(content_copy, misconception_overlap=0.9)
    assert gate_errors(content_copy) == []
    # The threshold is inclusive: at exactly this overlap the same claim is a restatement.
    write_policy(content_copy, misconception_overlap=overlap)
    assert gate_errors(content_copy) == [
        ContentError(EXEMPLAR_FILE, "misconceptions.2.claim", "restates key point 0")
    ]


def test_a_correction_that_repeats_its_claim_is_named(content_copy, write_question, exemplar_data):
    wrong = exemplar_data["misconceptions"][1]
    wrong["correction"] = "You can always drive both error rates to zero by picking the right threshold."
    overlap = word_overlap(wrong["claim"], wrong["correction"])
    write_question(exemplar_data)
    write_policy(content_copy, misconception_overlap=overlap)
    assert gate_errors(content_copy) == [
        ContentError(EXEMPLAR_FILE, "misconceptions.1.correction", "repeats the claim")
    ]
    write_policy(content_copy, misconception_overlap=overlap + 0.01)
    assert gate_errors(content_copy) == []


@pytest.mark.slow  # validate --quality loads the encoder
def test_validate_one_file_reports_the_misconception_gate(content_copy, write_question, exemplar_data):
    exemplar_data["misconceptions"][0]["claim"] = exemplar_data["key_points"][1].replace(", ", ": ")
    path = write_question(exemplar_data)
    write_policy(content_copy, misconception_overlap=0.9)
    result = CliRunner().invoke(app, ["bank", "validate", "--quality", str(path)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [f"{path}: misconceptions.0.claim: restates key point 1"]


# -- the policy file ----------------------------------------------------------------------------


def test_without_a_policy_file_only_the_defaults_apply(content_copy):
    policy = load_policy(content_copy)
    assert policy.min_set_size == 0 and policy.level_targets == {}
    assert policy.near_duplicate_threshold == 0.9


def test_the_shipped_policy_is_what_the_readme_promises():
    policy = load_policy(CONTENT)
    assert policy.near_duplicate_threshold == 0.85
    assert policy.min_set_size == 15
    assert {level.value: share for level, share in policy.level_targets.items()} == {
        "junior": 0.30,
        "mid": 0.45,
        "senior": 0.25,
    }
    assert policy.level_tolerance == 0.05


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("min_set_sise: 15\n", "min_set_sise", "is not a known field"),
        ("near_duplicate_threshold: 1.5\n", "near_duplicate_threshold", "Input should be less than or equal"),
        ("level_targets: {guru: 0.3}\n", "level_targets.guru.[key]", "Input should be 'junior', 'mid'"),
        ("min_set_size: [15\n", "", "malformed YAML at line 2, column 1"),
    ],
)
def test_a_broken_policy_file_is_named_not_ignored(content_copy, text, field, message):
    """A typo in quality.yaml must not silently switch a gate off (or crash the validator)."""
    (content_copy / "quality.yaml").write_text(text)
    with pytest.raises(BankError) as info:
        load_policy(content_copy)
    [error] = info.value.errors
    assert (error.file, error.field) == ("content/quality.yaml", field)
    assert error.message.startswith(message), error.message


def test_validate_prints_a_broken_policy_file_as_an_error_line(content_copy):
    (content_copy / "quality.yaml").write_text("min_set_sise: 15\n")
    result = CliRunner().invoke(app, ["bank", "validate", str(content_copy)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == ["content/quality.yaml: min_set_sise: is not a known field"]
    assert result.exception is None or isinstance(result.exception, SystemExit)


# -- the gates that embed text (the real encoder) -----------------------------------------------


@pytest.fixture(scope="module")
def embed():
    from mlinterview.embedding import embed, get_encoder

    get_encoder()  # the one load of the model for this module (shared by the process)
    return embed


REWORDED = f"{EXEMPLAR}-again"


@pytest.fixture
def near_duplicates(content_copy, write_question, exemplar_data, embed) -> tuple[Path, float]:
    """The exemplar, a rewording of it, and a question on another subject; their similarity."""
    use_sets(content_copy, "fundamentals", "algorithms")
    add_shipped(write_question, "loss-function")
    exemplar_data["slug"] = REWORDED
    exemplar_data["prompt"] = (
        "What distinguishes a type I error from a type II error? Give an example of a machine-learning "
        "application where one of them is clearly more costly than the other."
    )
    write_question(exemplar_data)
    bank = load_bank(content_copy)
    vectors = embed([question_text(bank.get(EXEMPLAR)), question_text(bank.get(REWORDED))])
    similarity = float(vectors[0] @ vectors[1])
    assert similarity > 0.95
    return content_copy, similarity


def near_duplicate_error(similarity: float) -> ContentError:
    return ContentError(
        f"content/questions/fundamentals/{REWORDED}.yaml",
        "prompt",
        f"near-duplicate of {EXEMPLAR!r} (similarity {similarity:.2f}); "
        "reword one, or allow the pair in quality.yaml",
    )


@pytest.mark.slow
def test_a_reworded_question_is_a_near_duplicate(near_duplicates, embed):
    root, similarity = near_duplicates
    write_policy(root, near_duplicate_threshold=0.85)  # the shipped threshold
    report = check_bank(load_bank(root), embed)
    # Only the reworded pair: the loss-function question is far from both.
    assert report.errors == [near_duplicate_error(similarity)]
    a, b, score = report.closest_pairs[0]
    assert (a, b) == (EXEMPLAR, REWORDED) and score == pytest.approx(similarity, abs=0.002)
    assert all(s < 0.85 for _, _, s in report.closest_pairs[1:])


@pytest.mark.slow
def test_a_near_duplicate_just_under_the_threshold_passes(near_duplicates, embed):
    root, similarity = near_duplicates
    write_policy(root, near_duplicate_threshold=min(similarity + 0.002, 1.0))
    assert gate_errors(root, embed) == []
    write_policy(root, near_duplicate_threshold=similarity - 0.002)
    assert gate_errors(root, embed) == [near_duplicate_error(similarity)]


@pytest.mark.slow
@pytest.mark.parametrize("pair", [[EXEMPLAR, REWORDED], [REWORDED, EXEMPLAR]])
def test_an_allow_listed_pair_passes_in_either_order(near_duplicates, embed, pair):
    root, _ = near_duplicates
    write_policy(root, near_duplicate_threshold=0.85, allow_near_duplicates=[pair])
    assert gate_errors(root, embed) == []


@pytest.mark.slow
def test_validate_reports_the_near_duplicate_and_exits_1(near_duplicates):
    root, similarity = near_duplicates
    write_policy(root, near_duplicate_threshold=0.85)
    result = CliRunner().invoke(app, ["bank", "validate", str(root)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [str(near_duplicate_error(similarity))]


RESTATED = (
    "A type I error is a false positive, which means rejecting a null hypothesis that is actually "
    "true."
)


@pytest.mark.slow
def test_a_key_point_restating_another_is_named(content_copy, write_question, exemplar_data, embed):
    exemplar_data["key_points"].insert(1, RESTATED)
    write_question(exemplar_data)
    vectors = embed(exemplar_data["key_points"][:2])
    similarity = float(vectors[0] @ vectors[1])
    assert similarity > 0.95 and word_overlap(*exemplar_data["key_points"][:2]) > 0.9
    write_policy(content_copy, restated_key_point_similarity=0.9, restated_key_point_overlap=0.75)
    assert gate_errors(content_copy, embed) == [
        ContentError(EXEMPLAR_FILE, "key_points.1", f"restates key point 0 (similarity {similarity:.2f})")
    ]
    # Just under the similarity threshold, the same pair passes.
    write_policy(
        content_copy, restated_key_point_similarity=similarity + 0.002, restated_key_point_overlap=0.75
    )
    assert gate_errors(content_copy, embed) == []


@pytest.mark.slow
def test_close_key_points_in_different_words_are_not_restatements(content_copy, embed, exemplar_data):
    """Type I / type II: close embeddings, but a restatement needs the same wording too."""
    first, second = exemplar_data["key_points"][:2]
    vectors = embed([first, second])
    similarity = float(vectors[0] @ vectors[1])
    overlap = word_overlap(first, second)
    assert similarity > 0.85 and overlap < 0.7, (similarity, overlap)
    write_policy(content_copy, restated_key_point_similarity=0.85, restated_key_point_overlap=0.75)
    assert gate_errors(content_copy, embed) == []
    # Both conditions met (overlap threshold lowered to this pair's): now it is reported.
    write_policy(content_copy, restated_key_point_similarity=0.85, restated_key_point_overlap=overlap)
    assert gate_errors(content_copy, embed) == [
        ContentError(EXEMPLAR_FILE, "key_points.1", f"restates key point 0 (similarity {similarity:.2f})")
    ]
