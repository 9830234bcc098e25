"""Score free-text answers 0-5 against a question's rubric, with evidence (no Django here).

from mlinterview.scoring import get_scorer
result = get_scorer().score(question, "my answer")   # an Assessment; result.to_dict() for JSON
"""

from mlinterview.scoring.engine import Assessment, Scorer, get_scorer, rubric_for
from mlinterview.scoring.evidence import Rubric

__all__ = ["Assessment", "Rubric", "Scorer", "get_scorer", "rubric_for"]
