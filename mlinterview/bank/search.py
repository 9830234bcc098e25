"""Ranked keyword search over the bank, tuned for everyday phrasing.

A small BM25F: each question is indexed as several fields with their own weights (title and
aliases count most, the reference answer least), words are folded by a light suffix stemmer, and a
handful of everyday synonyms are expanded at query time ("mistake" also looks for "error"). Phrase
bigrams that occur in a question add a bonus, so "false positive" beats a question that merely
says "false" and "positive" far apart. No model is loaded: search stays instant in the CLI.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from mlinterview.bank.schema import Question

FIELD_WEIGHTS: dict[str, float] = {
    "title": 3.0,
    "aliases": 3.0,
    "tags": 2.0,
    "topic": 1.5,
    "prompt": 2.0,
    "key_points": 1.0,
    "misconceptions": 0.5,
    "reference_answer": 0.7,
    "signals": 0.7,
}
K1 = 1.2
B = 0.6
BIGRAM_BONUS = 1.5

# fmt: off
STOPWORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "between", "by", "can", "could", "do", "does", "did",
    "for", "from", "how", "i", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our",
    "should", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "to", "us", "vs", "versus", "was", "we", "what", "when", "where", "which", "who", "why",
    "will", "with", "would", "you", "your", "about", "explain", "describe", "tell", "difference",
    "different", "mean", "means", "meaning", "give", "example", "examples",
))
# fmt: on

# Everyday words a recruiter might type, mapped to the words the content uses.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "mistake": ("error",),
    "mistakes": ("error",),
    "alarm": ("positive",),
    "miss": ("negative",),
    "misses": ("negative",),
    "overfit": ("overfitting", "variance", "regularization"),
    "overfitting": ("variance", "regularization"),
    "underfitting": ("bias",),
    "regularisation": ("regularization",),
    "optimise": ("optimize",),
    "optimisation": ("optimization",),
    "blank": ("missing",),
    "gaps": ("missing",),
    "nan": ("missing",),
    "null": ("missing",),
    "combine": ("ensemble",),
    "combining": ("ensemble",),
    "neuron": ("neural",),
    "brain": ("neural",),
    "settings": ("hyperparameter",),
    "knobs": ("hyperparameter",),
    "tune": ("tuning", "hyperparameter"),
    "folds": ("fold", "cross-validation"),
    "chart": ("visualization", "plot"),
    "charts": ("visualization", "plot"),
    "graph": ("visualization", "plot"),
    "plots": ("visualization", "plot"),
    "visualisation": ("visualization",),
    "labelled": ("labeled", "supervised"),
    "labels": ("labeled", "supervised"),
    "clustering": ("unsupervised",),
    "accuracy": ("evaluate", "metric"),
    "measure": ("evaluate", "metric"),
    "news": ("trend", "current"),
    "latest": ("trend", "current"),
}


def stem(word: str) -> str:
    """Fold common English suffixes so 'errors', 'erroneous' and 'error' meet."""
    word = word.lower()
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ias")):
        # "loss", "class", "bias", "analysis", "cross" are not plurals.
        return word
    for suffix, keep in (
        ("ization", "ize"),
        ("isation", "ize"),
        ("ational", "ate"),
        ("ations", "ate"),
        ("ation", "ate"),
        ("ising", "ize"),
        ("izing", "ize"),
        ("ised", "ize"),
        ("ized", "ize"),
        ("ises", "ize"),
        ("izes", "ize"),
        ("ities", "ity"),
        ("ness", ""),
        ("ment", ""),
        ("ings", ""),
        ("ing", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ers", "er"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + keep
            break
    if word.endswith("ise"):
        word = word[:-3] + "ize"
    return word


_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_ROMAN = {"i": "1", "ii": "2", "iii": "3"}


def tokenize(text: str) -> list[str]:
    """Lower-case words without stopwords, hyphenated words also split into parts."""
    tokens: list[str] = []
    for raw in _TOKEN.findall(text.lower().replace("’", "'")):
        raw = raw.removesuffix("'s")
        parts = [raw, *raw.split("-")] if "-" in raw else [raw]
        for part in parts:
            part = _ROMAN.get(part, part)
            if part in STOPWORDS:
                continue
            tokens.append(stem(part))
    return tokens


def _question_fields(question: Question) -> dict[str, str]:
    signals = question.signals
    return {
        "title": question.title,
        "aliases": " . ".join(question.aliases),
        "tags": " ".join(tag.replace("-", " ") for tag in question.tags),
        "topic": question.topic,
        "prompt": question.prompt,
        "key_points": " . ".join(question.key_points),
        "misconceptions": " . ".join(m.claim for m in question.misconceptions),
        "reference_answer": question.reference_answer,
        "signals": " . ".join([*signals.strong, *signals.weak]) if signals else "",
    }


@dataclass(frozen=True)
class SearchHit:
    slug: str
    score: float
    question: Question


class SearchIndex:
    def __init__(self, questions: Iterable[Question]) -> None:
        self.questions = list(questions)
        self._fields: list[dict[str, Counter[str]]] = []
        self._bigrams: list[set[tuple[str, str]]] = []
        lengths: dict[str, list[int]] = {name: [] for name in FIELD_WEIGHTS}
        document_frequency: Counter[str] = Counter()
        for question in self.questions:
            per_field = {}
            bigrams: set[tuple[str, str]] = set()
            for name, text in _question_fields(question).items():
                tokens = tokenize(text)
                per_field[name] = Counter(tokens)
                lengths[name].append(len(tokens))
                bigrams.update(zip(tokens, tokens[1:], strict=False))
            self._fields.append(per_field)
            self._bigrams.append(bigrams)
            document_frequency.update({t for counts in per_field.values() for t in counts})
        count = max(len(self.questions), 1)
        self._average_length = {n: (sum(v) / len(v) if v else 0.0) or 1.0 for n, v in lengths.items()}
        self._idf = {
            term: math.log(1 + (count - df + 0.5) / (df + 0.5)) for term, df in document_frequency.items()
        }

    def _query_terms(self, query: str) -> tuple[dict[str, float], list[tuple[str, str]]]:
        base = tokenize(query)
        weights: dict[str, float] = {}
        for term in base:
            weights[term] = max(weights.get(term, 0.0), 1.0)
        for word in re.findall(r"[a-z]+", query.lower()):
            for extra in SYNONYMS.get(word, ()):
                for term in tokenize(extra):
                    weights[term] = max(weights.get(term, 0.0), 0.5)
        return weights, list(zip(base, base[1:], strict=False))

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        weights, bigrams = self._query_terms(query)
        if not weights:
            return []
        hits = []
        for index, question in enumerate(self.questions):
            fields = self._fields[index]
            score = 0.0
            for term, query_weight in weights.items():
                idf = self._idf.get(term)
                if idf is None:
                    continue
                # BM25F: combine weighted, length-normalised term frequencies across fields.
                tf = 0.0
                for name, field_weight in FIELD_WEIGHTS.items():
                    freq = fields[name].get(term, 0)
                    if freq:
                        norm = 1 - B + B * sum(fields[name].values()) / self._average_length[name]
                        tf += field_weight * freq / norm
                score += query_weight * idf * tf / (K1 + tf)
            shared = sum(1 for pair in bigrams if pair in self._bigrams[index])
            score += BIGRAM_BONUS * shared
            if score > 0:
                hits.append(SearchHit(question.slug, round(score, 4), question))
        hits.sort(key=lambda hit: (-hit.score, hit.slug))
        return hits[:limit]
