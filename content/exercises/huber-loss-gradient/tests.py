import numpy as np
import torch

from mlinterview.exercises import Case


def _torch(y_pred, y_true, delta):
    """PyTorch's huber_loss (mean reduction) and its autograd gradient."""
    pred = torch.tensor(np.asarray(y_pred, dtype=float), requires_grad=True)
    loss = torch.nn.functional.huber_loss(pred, torch.tensor(np.asarray(y_true, dtype=float)), delta=delta)
    loss.backward()
    return float(loss.item()), pred.grad.numpy().copy()


def _case(name, y_pred, y_true, delta, **options):
    y_pred, y_true = np.asarray(y_pred, dtype=float), np.asarray(y_true, dtype=float)
    return Case.of(name, y_pred, y_true, delta, expected=_torch(y_pred, y_true, delta), **options)


def cases():
    rng = np.random.default_rng(17)
    truth = rng.normal(size=(20, 10))
    pred = truth + rng.standard_t(2, size=(20, 10))  # heavy tails: both pieces in use
    return [
        _case("both pieces, delta one", [0.0, 2.0, -5.0], [0.5, 0.0, 0.0], 1.0, public=True),
        _case("small residuals only", [0.1, -0.2], [0.0, 0.0], 1.0, public=True),
        _case(
            "residuals exactly on the boundary", [2.5, -1.5, 0.5, 0.25], [0.5, 0.5, 0.5, 0.0], 2.0, points=2
        ),
        _case("a delta other than one", [3.0, -0.25, 10.0, 0.0], [0.0, 0.0, 9.5, 0.75], 0.5, points=2),
        _case("a residual of zero", [1.0, 4.0], [1.0, 0.0], 1.5),
        _case("a 2-D batch", [[1.0, -3.0], [0.5, 8.0]], [[0.0, 0.0], [0.0, 0.0]], 2.0),
        _case("a single element beyond delta", [7.0], [-1.0], 3.0),
        _case("200 heavy-tailed residuals", pred, truth, 1.35, points=2),
        Case.of("delta of zero", np.array([1.0]), np.array([0.0]), 0.0, raises="ValueError"),
        Case.of("a negative delta", np.array([1.0, 3.0]), np.array([0.0, 0.0]), -1.0, raises="ValueError"),
        Case.of("shapes differ", np.zeros(3), np.zeros((3, 1)), 1.0, raises="ValueError"),
        Case.of("empty arrays", np.zeros(0), np.zeros(0), 1.0, raises="ValueError"),
    ]
