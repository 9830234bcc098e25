"""The exchanged answers the reader trains on (mlinterview/scoring/exchange.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mlinterview.scoring import exchange
from mlinterview.scoring.reader import CONTRADICTED, ENTAILED, NEITHER

POINTS = [
    "Method alpha fits its models one after another, each on the errors of the last.",
    "Method beta fits its models independently on resampled data and averages them.",
    "Averaging independent models lowers the variance of the prediction.",
    "Both method alpha and method beta combine many weak models.",
]
PROMPT = "What is the difference between method alpha and method beta?"


def test_an_exchange_keeps_whole_words_and_each_spelling():
    passage = "IVF clusters the vectors; HNSW walks a graph. Later hnsw is fast, not ivfx."
    assert exchange.exchange(passage, "ivf", "hnsw") == (
        "HNSW clusters the vectors; IVF walks a graph. Later IVF is fast, not ivfx."
    )
    # A two-word term is not found inside a longer one.
    assert exchange.exchange("Type I is rarer than type II.", "type i", "type ii") == (
        "Type II is rarer than type I."
    )


WORD = st.text(alphabet="abcdefgh", min_size=2, max_size=6)


@given(st.lists(st.sampled_from(["xa", "yb", "zz", "and", "the"]), max_size=20), WORD, WORD)
def test_exchanging_twice_gives_the_passage_back(words, a, b):
    passage = " ".join([*words, a, b])
    if a == b:
        return
    once = exchange.exchange(passage, a, b)
    assert exchange.exchange(once, a, b) == passage


def test_the_prompt_sets_the_pairs_and_both_must_be_distinct_facets():
    assert ("alpha", "method beta") in exchange.coordinated_terms(PROMPT)
    pairs = exchange.term_pairs(POINTS, PROMPT)
    assert ("method alpha", "method beta") in pairs
    # Two forms of one word, or one term inside the other, are never a pair.
    assert exchange.term_pairs(["Trees vote.", "A tree splits."], "Why do trees and a tree differ?") == []
    # A term that never appears without the other is not a facet of its own.
    assert exchange.term_pairs(["Alpha and beta are both methods."], PROMPT) == []


def test_covered_points_naming_a_term_turn_contradicted_and_the_others_keep_their_label():
    answer = (
        "Method alpha trains models one after another on the last errors, while method beta "
        "trains them independently and averages them, which lowers the variance."
    )
    labels = {1: ENTAILED, 2: ENTAILED, 3: ENTAILED, 4: NEITHER}
    made = exchange.exchanged_answer(
        POINTS, answer, labels, exchange.term_pairs(POINTS, PROMPT), ENTAILED, CONTRADICTED
    )
    assert made is not None
    assert made.text.startswith("Method beta trains models one after another")
    assert "while method alpha trains them independently" in made.text
    # Points 1 and 2 name one method each; point 3 names neither; point 4 names both as a pair,
    # which the exchange leaves true, so it is not labelled at all.
    assert made.labels == {1: CONTRADICTED, 2: CONTRADICTED, 3: ENTAILED}


def test_an_answer_that_covers_no_point_naming_the_terms_is_not_exchanged():
    answer = "Method alpha and method beta exist; averaging lowers the variance."
    labels = {1: NEITHER, 2: NEITHER, 3: ENTAILED, 4: NEITHER}
    pairs = exchange.term_pairs(POINTS, PROMPT)
    assert exchange.exchanged_answer(POINTS, answer, labels, pairs, ENTAILED, CONTRADICTED) is None


def test_a_key_point_turned_round():
    pairs = exchange.term_pairs(POINTS, PROMPT)
    assert exchange.turned_claim(POINTS[0], POINTS[0], pairs) == (
        "Method beta fits its models one after another, each on the errors of the last."
    )
    assert exchange.turned_claim(POINTS[2], POINTS[2], pairs) is None  # names neither
    assert exchange.turned_claim(POINTS[3], POINTS[3], pairs) is None  # names both as a pair
