"""Search over the shipped bank: everyday phrasing finds the right question first."""

from __future__ import annotations

import pytest

from mlinterview.bank import load_bank
from mlinterview.bank.search import SearchIndex, stem, tokenize


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(load_bank())


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("false positive vs false negative", "type-1-vs-type-2-errors"),
        ("type I and type II errors", "type-1-vs-type-2-errors"),
        ("what is the ROC curve", "roc-curve"),
        ("area under the curve", "roc-curve"),
        ("how do you deal with blank values in a dataset", "missing-values"),
        ("stop a model from overfitting with a penalty on the weights", "regularization"),
        ("underfitting or overfitting, how can you tell", "bias-variance-diagnosis"),
        ("combining many models", "ensemble-learning"),
        ("assumptions behind linear regression", "learning-algorithm-assumptions"),
        ("splitting data into folds to estimate performance", "k-fold-cross-validation"),
        ("pandas Series or a DataFrame with one column", "pandas-series-vs-single-column-dataframe"),
        ("max margin classifier with kernels", "support-vector-machine"),
        ("how do you keep up with new research", "staying-current"),
        ("learning from data that arrives one example at a time", "batch-vs-online-learning"),
        ("choosing the learning rate and other settings", "hyperparameter-tuning"),
    ],
)
def test_everyday_queries_rank_the_right_question_first(index, query, slug):
    hits = index.search(query)
    assert hits, f"nothing found for {query!r}"
    assert hits[0].slug == slug, [h.slug for h in hits[:5]]


def test_results_are_ranked_and_limited(index):
    hits = index.search("model", limit=3)
    assert len(hits) == 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_no_hits_for_stopwords_or_nonsense(index):
    assert index.search("what is the") == []
    assert index.search("zxqvbnm") == []


def test_tokenizer_folds_forms_together():
    assert stem("errors") == stem("error")
    assert stem("regularisation") == stem("regularization")
    assert tokenize("Type II error") == tokenize("type 2 errors")
    assert "cross" in tokenize("k-fold cross-validation")
