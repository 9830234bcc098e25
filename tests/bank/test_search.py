"""Search over the shipped bank: everyday phrasing finds the right question first."""

from __future__ import annotations

import pytest

from mlinterview.bank.search import SearchIndex, stem, tokenize
from tests.shipped import shipped_bank


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(shipped_bank())


# Everyday phrasings for the core questions.
CORE_QUERIES = [
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
]

# Everyday phrasings for questions in the sets added after the core (one per set at least).
NEW_SET_QUERIES = [
    # LLM engineering
    ("why does my chatbot make up facts", "hallucination-causes-and-mitigations"),
    (
        "let the model look things up in our documents before answering",
        "retrieval-augmented-generation-basics",
    ),
    ("cheap way to fine-tune a big language model", "lora-low-rank-adaptation"),
    ("how much will the GPT bill be per month", "estimating-llm-token-costs"),
    ("someone hides instructions in a web page the bot reads", "prompt-injection-and-data-leakage"),
    ("using one LLM to grade another LLM's answers", "llm-as-judge-and-its-biases"),
    # Data engineering and SQL
    ("join makes my row count blow up", "sql-join-row-explosion"),
    ("keep only the latest record per customer in SQL", "sql-deduplicate-with-row-number"),
    ("parquet or csv for big tables", "row-vs-columnar-formats"),
    (
        "features computed with information from the future when joining tables",
        "point-in-time-feature-joins",
    ),
    ("rerunning a failed job without double counting", "idempotent-jobs-and-backfills"),
    # Recommender systems
    (
        "find users with similar taste and recommend what they liked",
        "collaborative-vs-content-based-filtering",
    ),
    ("what to recommend to a brand new user", "recommender-cold-start"),
    ("top results get more clicks just because they are shown first", "position-bias-in-recommendations"),
    (
        "which examples to use as negatives when training a retrieval model",
        "negative-sampling-for-retrieval",
    ),
    # Linear algebra and calculus
    ("how big a step should gradient descent take", "gradient-descent-learning-rate"),
    ("what does it mean when a matrix has no inverse", "matrix-inverse-and-singularity"),
    ("angle between two embedding vectors", "dot-product-cosine-similarity"),
    # ML system design
    ("design a system that catches fraudulent card payments", "fraud-detection-design"),
    ("start with simple rules before building a model", "heuristic-baseline-first"),
    ("how many servers do we need for the model", "capacity-estimation"),
    # New questions in older sets
    ("replace a python for loop with whole-array numpy operations", "vectorisation-vs-python-loops"),
    ("0.1 + 0.2 is not equal to 0.3", "floating-point-comparison"),
    ("trees can't predict outside the range they saw", "tree-models-cannot-extrapolate"),
]


@pytest.mark.parametrize(("query", "slug"), CORE_QUERIES + NEW_SET_QUERIES)
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
