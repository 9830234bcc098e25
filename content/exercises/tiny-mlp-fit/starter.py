def fit_mlp(X, y):
    """Train Linear(d, h) -> Tanh -> Linear(h, c) on (X, y) and return its state_dict, whose mean
    cross-entropy on the raw X must end at most 0.05."""
    raise NotImplementedError
