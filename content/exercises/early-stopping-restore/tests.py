import torch

from mlinterview.exercises import Case

TOL = {"rtol": 1e-5, "atol": 1e-6}


def _random(seed, *shape, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * scale


def _task(seed, n_train, n_val, d, k, val_share=0.5, noise=0.0):
    """Training targets from a weight matrix W and validation targets from val_share * W, a point
    between the start (zero) and the training optimum: starting from zero, the validation loss
    falls, then rises again (unless val_share is 1)."""
    W_train = _random(seed, d, k)
    W_val = W_train * val_share
    X_train, X_val = _random(seed + 1, n_train, d), _random(seed + 2, n_val, d)
    y_train = X_train @ W_train + noise * _random(seed + 3, n_train, k)
    y_val = X_val @ W_val
    return X_train, y_train, X_val, y_val


def _start_at_validation_optimum(data):
    """Weights that fit the validation set exactly, then the data: no epoch can do better."""
    X_train, y_train, X_val, y_val = data
    W = torch.linalg.lstsq(X_val, y_val).solution
    return W, torch.zeros(y_val.shape[1]), X_train, y_train, X_val, y_val


def cases():
    data = _task(10, 16, 8, 3, 2)
    return [
        Case.of(
            "the example",
            torch.tensor([[0.0]]),
            torch.tensor([0.0]),
            torch.tensor([[1.0], [2.0]]),
            torch.tensor([[2.0], [4.0]]),
            torch.tensor([[1.0]]),
            torch.tensor([[1.0]]),
            0.1,
            5,
            1,
            public=True,
            **TOL,
        ),
        Case.of(
            "a rising validation loss",
            torch.zeros(3, 2),
            torch.zeros(2),
            *data,
            0.1,
            40,
            3,
            public=True,
            **TOL,
        ),
        Case.of("patience of two", torch.zeros(3, 2), torch.zeros(2), *data, 0.1, 40, 2, points=2, **TOL),
        Case.of(
            "a min_delta that ends training early",
            torch.zeros(3, 2),
            torch.zeros(2),
            *_task(20, 16, 8, 3, 2, val_share=0.9),
            0.05,
            60,
            3,
            0.01,
            points=2,
            **TOL,
        ),
        Case.of(
            "max_epochs reached while improving",
            torch.zeros(3, 1),
            torch.zeros(1),
            *_task(30, 12, 6, 3, 1, val_share=1.0),
            0.05,
            6,
            2,
            **TOL,
        ),
        Case.of(
            "no epoch improves",
            *_start_at_validation_optimum(_task(40, 16, 8, 3, 2)),
            0.1,
            20,
            2,
            **TOL,
        ),
        Case.of("zero epochs", _random(50, 3, 2), _random(51, 2), *data, 0.1, 0, 3, **TOL),
        Case.of(
            "a noisy training set",
            torch.zeros(4, 2),
            torch.zeros(2),
            *_task(60, 10, 10, 4, 2, noise=0.5),
            0.1,
            40,
            3,
            **TOL,
        ),
        Case.of(
            "a patience of zero, refused",
            torch.zeros(3, 2),
            torch.zeros(2),
            *data,
            0.1,
            10,
            0,
            raises="ValueError",
        ),
    ]
