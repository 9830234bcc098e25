"""Claim variants (content/claims/): the reader's training sentences, checked like the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mlinterview.bank import BankError, load_bank
from tests.shipped import shipped_bank

SLUG = "type-1-vs-type-2-errors"


@pytest.fixture(scope="module")
def bank():
    return shipped_bank()


def write_claims(root: Path, data: dict, folder: str = "fundamentals") -> Path:
    path = root / "claims" / folder / f"{data['question']}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def variants(**changes) -> dict:
    data = {
        "question": SLUG,
        "points": [
            {
                "point": 1,
                "paraphrases": ["Flagging an effect that is not really there is the first kind of error."],
                "contradictions": ["Missing an effect that is really there is the first kind of error."],
            }
        ],
        "misconceptions": [{"misconception": 1, "restated": ["x y z"], "corrected": ["a b c"]}],
    }
    data.update(changes)
    return data


def refused(root: Path) -> list[tuple[str, str]]:
    with pytest.raises(BankError) as info:
        load_bank(root)
    return [(e.field, e.message) for e in info.value.errors]


def test_every_training_question_with_key_points_has_claim_variants_and_no_held_out_one_does(bank):
    wanted = {q.slug for q in bank if q.slug not in bank.held_out and q.signals is None}
    assert set(bank.claims) == wanted
    for slug, found in bank.claims.items():
        question = bank.get(slug)
        assert [e.point for e in found.points] == list(range(1, len(question.key_points) + 1)), slug
        assert [e.misconception for e in found.misconceptions] == list(
            range(1, len(question.misconceptions) + 1)
        ), slug


def test_claim_variants_load(content_copy):
    write_claims(content_copy, variants())
    loaded = load_bank(content_copy).claims[SLUG]
    assert loaded.points[0].contradictions[0].startswith("Missing")


def test_numbers_out_of_range_or_repeated_are_refused(content_copy):
    write_claims(
        content_copy,
        variants(
            points=[
                {"point": 9, "paraphrases": ["p"], "contradictions": ["c"]},
                {"point": 1, "paraphrases": ["p"], "contradictions": ["c"]},
                {"point": 1, "paraphrases": ["p"], "contradictions": ["c"]},
            ]
        ),
    )
    messages = refused(content_copy)
    assert ("points.0", "number 9 is out of range (the question has 5)") in messages
    assert ("points.2", "number 1 is listed twice") in messages


def test_a_held_out_question_may_not_have_claim_variants(content_copy):
    write_claims(content_copy, variants())
    split = content_copy / "evaluation" / "split.yaml"
    split.parent.mkdir(parents=True)
    split.write_text(yaml.safe_dump({"fraction": 0.2, "seed": 1, "method": "test", "held_out": [SLUG]}))
    assert any("held out for evaluation" in message for _, message in refused(content_copy))
