"""The reader: what it ships, what it was trained on, and the rules its scorer follows."""

from __future__ import annotations

import json
import re
import shutil

import numpy as np
import pytest

from mlinterview import REPO_DIR
from mlinterview.scoring import reader, reader_training, reading, rules
from mlinterview.scoring.reader_scorer import ReaderScorer
from tests.shipped import shipped_bank

SCORING = REPO_DIR / "mlinterview" / "scoring"


@pytest.fixture(scope="module")
def bank():
    return shipped_bank()


@pytest.fixture(scope="module")
def scorer():
    return ReaderScorer()


def test_the_shipped_reader_is_small_and_matches_its_manifest():
    manifest = json.loads(reader.MANIFEST.read_text())
    assert reader.WEIGHTS.stat().st_size == manifest["bytes"]
    assert reader.WEIGHTS.stat().st_size < 25_000_000
    assert reader.file_sha256(reader.WEIGHTS) == manifest["sha256"]
    trained_on = manifest["trained_on"]
    assert "train" in trained_on["semeval"] and "test" not in trained_on["semeval"].split("split")[1]
    assert "Mohler" in trained_on["never"] and "content/evaluation/" in trained_on["never"]
    assert manifest["seed"] == reader_training.SEED


def test_a_reader_whose_weights_do_not_match_the_manifest_is_refused(tmp_path):
    weights = tmp_path / "reader.safetensors"
    manifest = tmp_path / "reader.json"
    shutil.copy(reader.WEIGHTS, weights)
    shutil.copy(reader.MANIFEST, manifest)
    with weights.open("r+b") as handle:  # flip one byte of the tuned weights
        handle.seek(weights.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(reader.ReaderError, match="SHA-256"):
        reader.load(weights, manifest)
    with pytest.raises(reader.ReaderError, match="train-reader"):
        reader.load(tmp_path / "missing.safetensors", manifest)


def test_training_pairs_never_come_from_held_out_questions_or_evaluation_answers(bank):
    pairs = (
        reader_training.bank_pairs(bank)
        + reader_training.claim_pairs(bank)
        + reader_training.spliced_pairs(bank)
        + reader_training.exchanged_pairs(bank)
    )
    assert {p.question for p in pairs}.isdisjoint(bank.held_out)
    evaluation_texts = {a.text for answers in bank.evaluation.values() for a in answers.answers}
    assert not evaluation_texts & {p.answer for p in pairs}
    # No held-out question's prompt is a negative for relevance either (the neighbours).
    held_out_prompts = {bank.get(slug).prompt for slug in bank.held_out}
    assert not held_out_prompts & {p.claim for p in pairs if p.task == "relevance"}
    assert {p.source for p in pairs} >= {"bank", "claims", "spliced", "exchanged"}
    manifest = json.loads(reader.MANIFEST.read_text())
    assert set(manifest["development"]["questions"]).isdisjoint(bank.held_out)


def test_answers_that_decline_or_answer_another_question_are_not_relevant_to_their_own(bank):
    kinds = {(slug, a.text): a.kind.value for slug, answers in bank.graded.items() for a in answers.answers}
    labels: dict[str, set[int]] = {}
    for p in reader_training.bank_pairs(bank):
        if p.task == "relevance" and p.claim == bank.get(p.question).prompt:
            labels.setdefault(kinds[(p.question, p.answer)], set()).add(p.label)
    assert labels["off-topic"] == labels["non-answer"] == {0}
    assert labels["strong"] == labels["terse"] == labels["vague"] == {1}


def test_each_answer_is_also_irrelevant_to_a_neighbour_of_its_own_set(bank):
    by_prompt = {question.prompt: question for question in bank}
    neighbours = [
        (by_prompt[p.claim], bank.get(p.question))
        for p in reader_training.bank_pairs(bank)
        if p.task == "relevance" and p.label == 0 and p.claim != bank.get(p.question).prompt
    ]
    same_set = [(other, own) for other, own in neighbours if other.set == own.set]
    assert len(same_set) > len(bank.graded)  # about one per graded answer
    assert all(other.slug != own.slug for other, own in same_set)
    assert not any(reader_training.is_dev(other.slug) for other, _ in same_set)


def test_a_spliced_answer_is_a_graded_answer_with_one_claim_variant_inserted(bank):
    pairs = reader_training.spliced_pairs(bank)
    assert {p.source for p in pairs} == {"spliced"}
    labels = {p.label for p in pairs}
    assert labels == {reader.NEITHER, reader.ENTAILED, reader.CONTRADICTED}
    graded = {(slug, a.text): a for slug, answers in bank.graded.items() for a in answers.answers}
    checked = 0
    for pair in pairs[:400]:
        question = bank.get(pair.question)
        variants = bank.claims[pair.question]
        if pair.claim not in question.key_points or pair.label != reader.CONTRADICTED:
            continue
        point = question.key_points.index(pair.claim) + 1
        (entry,) = [e for e in variants.points if e.point == point]
        inserted = [c for c in entry.contradictions if c in pair.answer]
        if not inserted:
            continue  # the untouched point of the copy, contradicted by the graded answer itself
        original = pair.answer.replace(inserted[0], "", 1)
        # The graded answer it came from neither covers nor contradicts the point.
        sources = [
            a
            for (slug, t), a in graded.items()
            if slug == pair.question and " ".join(t.split()) == " ".join(original.split())
        ]
        assert len(sources) == 1, pair.answer
        assert point not in sources[0].covers and point not in sources[0].contradicts
        checked += 1
    assert checked >= 10


def test_splice_keeps_every_sentence_and_adds_one():
    import random

    text = "First point. Second point! Third point?"
    for seed in range(20):
        out = reader_training.splice(text, "Inserted one.", random.Random(seed))
        assert out.count("Inserted one.") == 1
        assert out.replace("Inserted one.", "").split() == text.split()


def test_no_question_slug_or_word_pair_list_in_the_scoring_code(bank):
    # Every module of the scoring core, the similarity scorer's word pairs (text.py) included:
    # the fix for an exchanged pair of concepts must be general, not a list of the exchanges.
    source = "\n".join(path.read_text() for path in sorted(SCORING.glob("*.py"))).lower()
    # A hyphenated slug anywhere; a one-word slug ("dropout") only as a string (torch modules
    # have a .dropout attribute, which names no question).
    slugs = [
        slug
        for slug in bank.questions
        if re.search(rf"\b{re.escape(slug)}\b" if "-" in slug else rf"[\"']{slug}[\"']", source)
    ]
    assert slugs == []
    pairs = (
        ("l1", "l2"),
        ("precision", "recall"),
        ("bagging", "boosting"),
        ("i", "ii"),
        ("bias", "variance"),
        ("overfitting", "underfitting"),
        ("supervised", "unsupervised"),
        ("training", "test"),
    )
    for left, right in pairs:
        assert not re.search(rf"[\"']{left}[\"'],\s*[\"']{right}[\"']", source), (left, right)


def found(points, misconceptions, relevant):
    return reading.Probabilities(
        np.array(points, dtype=float), np.array(misconceptions, dtype=float), relevant
    )


def test_probabilities_become_verdicts_by_the_documented_thresholds(bank):
    question = bank.get("type-1-vs-type-2-errors")  # 5 key points, 4 misconceptions
    limits = dict(reading.DEFAULT_THRESHOLDS)
    none = [[1.0, 0.0, 0.0]] * 4
    # Four points stated, one stated the other way round: contradicted caps the score at 2.
    read = found([[0, 0.9, 0.1]] * 4 + [[0.1, 0.2, 0.7]], none, 0.9)
    ruled = reading.verdicts(question, read, limits)
    assert [v.point for v in ruled.contradicted] == [question.key_points[4]]
    assert ruled.score == 2.0
    # Entailment beats contradiction when it is the larger of the two.
    ruled = reading.verdicts(question, found([[0, 0.6, 0.55]] * 5, none, 0.9), limits)
    assert len(ruled.covered) == 5 and ruled.score == 5.0
    # Between the partial and the covered threshold: half credit.
    ruled = reading.verdicts(question, found([[0.7, 0.3, 0]] * 5, none, 0.9), limits)
    assert ruled.score == 3.0
    # A misconception over its threshold caps at 1.5, reported once with its correction.
    stated = [[0.05, 0.95, 0.0]] + none[1:]
    ruled = reading.verdicts(question, found([[0, 0.9, 0.1]] * 5, stated, 0.9), limits)
    assert ruled.score == 1.5 and [m.claim for m in ruled.misconceptions] == [
        question.misconceptions[0].claim
    ]
    # Not relevant and nothing covered: off topic, 0. Not relevant but something covered: scored.
    ruled = reading.verdicts(question, found([[1, 0, 0]] * 5, none, 0.01), limits)
    assert ruled.off_topic and ruled.score == 0 and "does not address" in ruled.feedback()
    ruled = reading.verdicts(question, found([[0, 0.9, 0]] + [[1, 0, 0]] * 4, none, 0.01), limits)
    assert not ruled.off_topic and ruled.score == 1.8


def test_an_off_topic_answer_reports_every_key_point_missing_without_a_quote(bank):
    # The reader trained with exchanged answers read one point of an off-topic answer as
    # contradicted (contradicted counts as nothing covered, so the answer is off topic): the point
    # came back "contradicted" with no quote, outside the result's list of contradicted points.
    # Off topic means nothing is judged.
    question = bank.get("type-1-vs-type-2-errors")
    none = [[1.0, 0.0, 0.0]] * 4
    read = found([[0.2, 0.1, 0.7]] + [[1, 0, 0]] * 4, none, 0.01)
    ruled = reading.verdicts(question, read, dict(reading.DEFAULT_THRESHOLDS), ["A sentence."] * 9)
    assert ruled.off_topic and ruled.score == 0 and not ruled.contradicted and not ruled.covered
    assert [(v.verdict, v.quote) for v in ruled.missing] == [(rules.Verdict.missing, "")] * 5


def test_an_empty_or_copied_answer_scores_zero_before_the_reader_is_asked(bank):
    question = bank.get("type-1-vs-type-2-errors")
    untouched = ReaderScorer(reader=None)
    for answer in ("   ", question.prompt):
        result = untouched.score(question, answer)
        assert result.score == 0 and result.gates
    assert untouched._reader is None  # the gates need no model


def test_every_reported_misconception_quotes_a_sentence_of_the_answer(bank, scorer):
    question = bank.get("type-1-vs-type-2-errors")
    claim = question.misconceptions[0].claim
    answer = f"Let me start with the basics. {claim} That is how I have always understood it."
    result = scorer.score(question, answer)
    for item in result.misconceptions:
        assert item["evidence"] and item["evidence"] in answer
    assert len({m["text"] for m in result.misconceptions}) == len(result.misconceptions)
    for point in result.key_points:
        assert point["evidence"] == "" or point["evidence"] in answer
    if result.misconceptions:
        assert result.score <= rules.MISCONCEPTION_CAP


def test_batch_equals_single(bank, scorer):
    items = [
        (question, answers.answers[0].text)
        for question, answers in ((bank.get(slug), bank.graded[slug]) for slug in sorted(bank.graded)[:6])
    ]
    together = [r.score for r in scorer.score_many(items)]
    alone = [scorer.score(q, a).score for q, a in items]
    assert together == pytest.approx(alone, abs=0.01)


def test_each_quote_carries_how_well_it_stands_alone(bank, scorer):
    """``support`` is the reader's probability of the verdict's label for the quoted sentence
    read on its own (checked here by reading that sentence alone), and ``stands_alone`` whether it
    reaches that verdict's threshold; a one-sentence answer is its own quote, with the reading of
    the whole answer."""
    from mlinterview.scoring.reader import CONTRADICTED, ENTAILED

    thresholds = scorer.reader.thresholds
    seen = 0
    for slug in sorted(bank.graded)[:12]:
        question = bank.get(slug)
        for answer in bank.graded[slug].answers[:4]:
            result = scorer.score(question, answer.text)
            rubric = scorer.rubric(question)
            for number, point in enumerate(result.key_points):
                if not point["evidence"]:
                    assert point["support"] is None and point["stands_alone"] is None
                    continue
                label = CONTRADICTED if point["verdict"] == "contradicted" else ENTAILED
                alone = scorer.reader.read_answers([point["evidence"]])
                nli, _ = scorer.reader.judge([(rubric.points[number], alone[0])])
                assert point["support"] == pytest.approx(float(nli[0, label]), abs=0.02), point
                assert point["stands_alone"] == (point["support"] >= thresholds[point["verdict"]])
                seen += 1
    assert seen >= 10


def test_a_quote_that_does_not_stand_alone_is_shown_as_the_closest_sentence():
    from django.template.loader import render_to_string

    point = {"text": "A key point.", "covered": True, "verdict": "covered", "evidence": "I said this."}
    alone = render_to_string("scoring/point.html", {"kp": point | {"stands_alone": True}})
    closest = render_to_string("scoring/point.html", {"kp": point | {"stands_alone": False}})
    stored_before = render_to_string("scoring/point.html", {"kp": point})
    assert "<q>I said this.</q>" in alone and "<q>I said this.</q>" in closest
    assert "Closest sentence" in closest
    assert "Closest sentence" not in alone and "Closest sentence" not in stored_before
