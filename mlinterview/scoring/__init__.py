"""Score free-text answers 0-5 against a question's rubric, with evidence (no Django here).

from mlinterview.scoring import get_scorer
result = get_scorer().score(question, "my answer")   # a RubricScore; result.to_dict() for JSON

Every automatic grade goes through the registry in ``mlinterview.scoring.graders``.
May import: mlinterview.bank, mlinterview.embedding, numpy, scikit-learn; no Django.
"""

from mlinterview.scoring.engine import RubricScore, Scorer, get_scorer, rubric_for
from mlinterview.scoring.evidence import Rubric

__all__ = ["Rubric", "RubricScore", "Scorer", "get_scorer", "rubric_for"]
