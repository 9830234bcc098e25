def rouge_l(candidate: list[str], reference: list[str], beta: float) -> float:
    """The ROUGE-L F-score: from the longest common token subsequence, recall weighted by beta."""
    raise NotImplementedError
