"""The similarity scorer (``engine.Scorer``, the default before the reader) on answers written for
these tests: order, traps, evidence, batch = single. It still computes the public benchmarks'
features, so its rules stay guarded; candidates' answers are scored by the reader."""

import pytest

from tests.scoring.conftest import written_answers

ANSWERS = written_answers()


@pytest.mark.parametrize("slug", sorted(ANSWERS))
def test_strong_beats_partial_beats_swapped_beats_empty(bank, similarity, slug):
    question = bank.get(slug)
    texts = ANSWERS[slug]
    strong, partial, swapped = (
        similarity.score(question, texts[kind]) for kind in ("strong", "partial", "swapped")
    )
    empty = similarity.score(question, "")
    assert strong.score > partial.score > swapped.score > empty.score, (
        strong.score,
        partial.score,
        swapped.score,
        empty.score,
    )
    assert strong.score >= 3.0
    assert swapped.misconceptions, "the swapped answer should be caught stating a misconception"
    assert swapped.score <= 2.5  # any misconception caps the score
    assert not strong.misconceptions, [m["evidence"] for m in strong.misconceptions]
    covered = [p for p in strong.key_points if p["covered"]]
    assert len(covered) >= len(strong.key_points) // 2
    assert all(p["evidence"] and p["evidence"] in " ".join(texts["strong"].split()) for p in covered)
    # Each misconception caught is one of the rubric's, with its own correction, quoted from the answer.
    rubric = {m.claim: m.correction for m in question.misconceptions}
    for wrong in swapped.misconceptions:
        assert rubric[wrong["text"]] == wrong["correction"]
        assert wrong["evidence"] and wrong["evidence"] in " ".join(texts["swapped"].split()), wrong
    for result in (strong, partial, swapped):
        assert [p["text"] for p in result.key_points] == question.key_points
        covered_count = sum(p["covered"] for p in result.key_points)
        summary = f"You covered {covered_count} of {len(question.key_points)} key points."
        assert result.feedback.startswith(summary), result.feedback


def test_a_bag_of_keywords_scores_low(bank, similarity):
    question = bank.get("support-vector-machine")
    bag = "hyperplane, margin, support vectors, C, kernel trick, RBF, hinge loss, L2 penalty, scaling"
    result = similarity.score(question, bag)
    assert result.score <= 1.5
    assert "It reads like a list of terms; explain how the ideas connect to earn credit for them." in (
        result.feedback
    )


def test_plain_everyday_words_still_score_well(bank, similarity):
    question = bank.get("type-1-vs-type-2-errors")
    plain = (
        "The first kind of mistake is raising the alarm when nothing is wrong, like a smoke alarm that "
        "goes off because of toast: you decide there is an effect when there isn't. The second kind is "
        "staying quiet when something really is wrong, like the alarm missing a real fire. If you make "
        "the alarm less jumpy you get fewer false alarms but miss more real fires, and the only way to "
        "get fewer of both is a better alarm or more evidence. Which mistake hurts more depends on what "
        "each one costs you."
    )
    result = similarity.score(question, plain)
    assert result.score >= 2.5, result.to_dict()


def test_swapped_concepts_name_the_misconception_and_its_correction(bank, similarity):
    question = bank.get("type-1-vs-type-2-errors")
    result = similarity.score(question, ANSWERS["type-1-vs-type-2-errors"]["swapped"])
    assert result.score <= 2.5
    swapped = question.misconceptions[0]  # "A type I error is a false negative and a type II ..."
    said = (
        "A type I error is a false negative, where the test misses something that is really there, and a "
        "type II error is a false positive, where it raises an alarm for nothing."
    )
    expected = {"text": swapped.claim, "correction": swapped.correction, "evidence": said}
    assert result.misconceptions == [expected]
    assert f"Careful: “{said}” is a misconception. {swapped.correction}" in result.feedback


def test_batch_equals_single(bank, similarity):
    items = [
        (bank.get(slug), texts[kind])
        for slug, texts in sorted(ANSWERS.items())
        for kind in ("strong", "partial", "swapped")
    ]
    items.append((bank.get("loss-function"), ""))
    batch = similarity.score_many(items)
    for (question, answer), together in zip(items, batch, strict=True):
        alone = similarity.score(question, answer)
        a, b = alone.to_dict(), together.to_dict()
        assert a.pop("score") == pytest.approx(b.pop("score"), abs=0.011)
        assert a.pop("confidence") == pytest.approx(b.pop("confidence"), abs=0.011)
        assert a == b


def test_result_fields_and_ranges(bank, similarity):
    result = similarity.score(bank.get("support-vector-machine"), ANSWERS["support-vector-machine"]["strong"])
    data = result.to_dict()
    assert set(data) == {"slug", "score", "band", "key_points", "misconceptions", "confidence", "feedback"}
    assert data["slug"] == "support-vector-machine"
    assert 0 <= data["score"] <= 5 and data["band"] == int(data["score"] + 0.5)
    assert 0 < data["confidence"] <= 1
    assert all(set(p) == {"text", "covered", "evidence"} for p in data["key_points"])
    # Uncovered points quote nothing; covered ones quote the answer.
    assert all(bool(p["evidence"]) == p["covered"] for p in data["key_points"])


def test_the_band_is_the_score_rounded_half_up(bank, similarity):
    results = [
        similarity.score(bank.get(slug), texts[kind])
        for slug, texts in sorted(ANSWERS.items())
        for kind in ("strong", "partial", "swapped")
    ]
    for result in results:
        assert result.band == int(result.score + 0.5), (result.slug, result.score, result.band)
    # Both roundings occur among these answers, so the rule is really exercised.
    fractions = {round(r.score % 1, 2) >= 0.5 for r in results if r.score % 1}
    assert fractions == {True, False}
