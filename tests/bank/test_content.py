"""The shipped content: the 31 core questions, exactly, and complete."""

from __future__ import annotations

from mlinterview.bank.schema import word_count
from tests.shipped import shipped_bank

CORE = {
    "fundamentals": {
        "define-ml",
        "ml-vs-deep-learning",
        "supervised-vs-unsupervised",
        "ml-applications",
        "training-workflow",
        "regularization",
        "type-1-vs-type-2-errors",
    },
    "coding": {
        "ml-languages",
        "python-ml-libraries",
        "preprocessing-techniques",
        "pandas-series-vs-single-column-dataframe",
        "k-fold-cross-validation",
    },
    "modeling-evaluation": {
        "evaluating-models",
        "missing-values",
        "roc-curve",
        "bias-variance-diagnosis",
        "visualization-for-ml",
    },
    "algorithms": {
        "ensemble-learning",
        "learning-algorithm-assumptions",
        "supervised-unsupervised-algorithms",
        "loss-function",
        "batch-vs-online-learning",
        "hyperparameter-tuning",
        "artificial-neural-network",
        "support-vector-machine",
    },
    "general-interest": {
        "ml-trends",
        "staying-current",
        "deep-learning-papers",
        "impactful-applications",
        "model-challenges",
        "most-important-skill",
    },
}


def test_the_31_core_questions_are_there_in_their_sets():
    bank = shipped_bank()
    for set_slug, slugs in CORE.items():
        present = {q.slug for q in bank.filter(set=set_slug)}
        assert slugs <= present, (set_slug, slugs - present)
    assert sum(len(s) for s in CORE.values()) == 31


def test_technical_questions_meet_the_rubric_minimums():
    for question in shipped_bank():
        if question.open_ended:
            assert question.signals and len(question.signals.strong) >= 3
            continue
        assert 80 <= word_count(question.reference_answer) <= 250, question.slug
        assert len(question.key_points) >= 4, question.slug
        assert len(question.misconceptions) >= 3, question.slug
        assert len(question.follow_ups) >= 2, question.slug


def test_open_ended_only_in_open_sets():
    bank = shipped_bank()
    for question in bank:
        assert question.open_ended == bank.sets[question.set].open_ended, question.slug


def test_key_points_are_standalone_sentences():
    for question in shipped_bank():
        for point in question.key_points:
            assert point[0].isupper() and point.endswith("."), (question.slug, point)
            assert point.split()[0].lower() not in {"it", "this", "they", "these"}, (question.slug, point)


def test_misconceptions_differ_from_key_points():
    for question in shipped_bank():
        points = {p.casefold() for p in question.key_points}
        for m in question.misconceptions:
            assert m.claim.casefold() not in points, (question.slug, m.claim)
            assert m.claim.casefold() != m.correction.casefold(), (question.slug, m.claim)


def test_every_question_had_an_independent_review():
    for question in shipped_bank():
        assert question.reviewed is not None, question.slug
        assert question.reviewed.by.startswith("independent review"), (question.slug, question.reviewed.by)
        assert len(question.reviewed.checked) >= 20, question.slug
