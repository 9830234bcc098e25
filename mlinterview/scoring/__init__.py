"""Score free-text answers 0-5 against a question's rubric, with evidence (no Django here).

from mlinterview.scoring import get_scorer
result = get_scorer().score(question, "my answer")   # a ReaderResult; result.to_dict() for JSON

The scorer is the reader (``reader_scorer``): verdicts per key point and misconception, each
quoting the candidate's sentence, turned into a score by the rubric rules (``rules``). The
similarity scorer (``engine.Scorer``) is kept for the public benchmarks' features.
Every automatic grade goes through the registry in ``mlinterview.scoring.graders``.
May import: mlinterview.bank, mlinterview.embedding, numpy, scikit-learn, torch; no Django.
"""

from mlinterview.scoring.engine import RubricScore, Scorer, rubric_for
from mlinterview.scoring.evidence import Rubric
from mlinterview.scoring.reader_scorer import ReaderResult, ReaderScorer, get_scorer

__all__ = ["ReaderResult", "ReaderScorer", "Rubric", "RubricScore", "Scorer", "get_scorer", "rubric_for"]
