"""The scorer against answers written for these tests: order, traps, evidence, batch = single."""

import subprocess
import sys

import pytest

from tests.scoring.conftest import written_answers

ANSWERS = written_answers()


def test_at_least_ten_questions_have_written_answers():
    assert len(ANSWERS) >= 10, sorted(ANSWERS)


@pytest.mark.parametrize("slug", sorted(ANSWERS))
def test_strong_beats_partial_beats_swapped_beats_empty(bank, scorer, slug):
    question = bank.get(slug)
    texts = ANSWERS[slug]
    strong, partial, swapped = (
        scorer.score(question, texts[kind]) for kind in ("strong", "partial", "swapped")
    )
    empty = scorer.score(question, "")
    assert strong.score > partial.score > swapped.score > empty.score, (
        strong.score,
        partial.score,
        swapped.score,
        empty.score,
    )
    assert strong.score >= 3.0
    assert swapped.misconceptions, "the swapped answer should be caught stating a misconception"
    assert not strong.misconceptions, [m["evidence"] for m in strong.misconceptions]
    covered = [p for p in strong.key_points if p["covered"]]
    assert len(covered) >= len(strong.key_points) // 2
    assert all(p["evidence"] and p["evidence"] in " ".join(texts["strong"].split()) for p in covered)


def test_empty_copy_and_filler_score_zero_and_say_why(bank, scorer):
    question = bank.get("support-vector-machine")
    for answer, reason in [
        ("", "empty"),
        ("   \n ", "empty"),
        (question.prompt, "repeats the question"),
        ("um, well, I don't know, basically stuff and things, good question", "filler"),
    ]:
        result = scorer.score(question, answer)
        assert result.score == 0.0, (answer, result.score)
        assert reason in result.feedback, result.feedback


def test_a_bag_of_keywords_scores_low(bank, scorer):
    question = bank.get("support-vector-machine")
    bag = "hyperplane, margin, support vectors, C, kernel trick, RBF, hinge loss, L2 penalty, scaling"
    result = scorer.score(question, bag)
    assert result.score <= 1.5
    assert "list of terms" in result.feedback


def test_plain_everyday_words_still_score_well(bank, scorer):
    question = bank.get("type-1-vs-type-2-errors")
    plain = (
        "The first kind of mistake is raising the alarm when nothing is wrong, like a smoke alarm that "
        "goes off because of toast: you decide there is an effect when there isn't. The second kind is "
        "staying quiet when something really is wrong, like the alarm missing a real fire. If you make "
        "the alarm less jumpy you get fewer false alarms but miss more real fires, and the only way to "
        "get fewer of both is a better alarm or more evidence. Which mistake hurts more depends on what "
        "each one costs you."
    )
    result = scorer.score(question, plain)
    assert result.score >= 2.5, result.to_dict()


def test_length_alone_does_not_buy_score(bank, scorer):
    question = bank.get("loss-function")
    partial = ANSWERS["loss-function"]["partial"]
    base = scorer.score(question, partial).score
    repeated = scorer.score(question, " ".join([partial] * 4)).score
    padded = scorer.score(
        question,
        partial + " In my experience this is a very important topic that comes up in many projects, and "
        "I have always found that it pays to think carefully about it and to discuss it with the team, "
        "because good communication matters a great deal in machine learning work of every kind.",
    ).score
    assert repeated <= base + 0.3, (base, repeated)
    assert padded <= base + 0.3, (base, padded)


def test_swapped_concepts_name_the_misconception_and_its_correction(bank, scorer):
    question = bank.get("type-1-vs-type-2-errors")
    result = scorer.score(question, ANSWERS["type-1-vs-type-2-errors"]["swapped"])
    assert result.score <= 2.5
    wrong = result.misconceptions[0]
    assert wrong["evidence"] and wrong["correction"]
    assert "misconception" in result.feedback


def test_batch_equals_single(bank, scorer):
    items = [
        (bank.get(slug), texts[kind])
        for slug, texts in sorted(ANSWERS.items())
        for kind in ("strong", "partial", "swapped")
    ]
    items.append((bank.get("loss-function"), ""))
    batch = scorer.score_many(items)
    for (question, answer), together in zip(items, batch, strict=True):
        alone = scorer.score(question, answer)
        a, b = alone.to_dict(), together.to_dict()
        assert a.pop("score") == pytest.approx(b.pop("score"), abs=0.011)
        assert a.pop("confidence") == pytest.approx(b.pop("confidence"), abs=0.011)
        assert a == b


def test_result_fields_and_ranges(bank, scorer):
    result = scorer.score(bank.get("support-vector-machine"), ANSWERS["support-vector-machine"]["strong"])
    data = result.to_dict()
    assert set(data) == {"slug", "score", "band", "key_points", "misconceptions", "confidence", "feedback"}
    assert 0 <= data["score"] <= 5 and data["band"] == int(data["score"] + 0.5)
    assert 0 < data["confidence"] <= 1
    assert all(set(p) == {"text", "covered", "evidence"} for p in data["key_points"])


def test_the_scoring_core_imports_no_django():
    code = "import sys, mlinterview.scoring.engine; print(any(m.startswith('django') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_missing_calibration_artifact_says_how_to_make_it(tmp_path):
    from mlinterview.scoring import calibration

    with pytest.raises(FileNotFoundError, match="mlinterview scoring train"):
        calibration.load(tmp_path / "nope.json")
