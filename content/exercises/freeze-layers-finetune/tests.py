import torch
from torch import nn

from mlinterview.exercises import Case

# A generous time per test: the first torch.optim optimizer a process builds imports
# torch._dynamo, which takes seconds on a busy machine.
TOL = {"rtol": 1e-4, "atol": 1e-5, "seconds": 10}


def _pretrained(seed):
    """A state dict as after some training: weights, non-zero biases and BatchNorm statistics
    that differ from any one batch's."""
    torch.manual_seed(seed)
    model = nn.Sequential(
        nn.Linear(4, 6),
        nn.BatchNorm1d(6),
        nn.ReLU(),
        nn.Linear(6, 6),
        nn.BatchNorm1d(6),
        nn.ReLU(),
        nn.Linear(6, 3),
    )
    with torch.no_grad():
        for bn in (model[1], model[4]):
            bn.weight.uniform_(0.5, 1.5)
            bn.bias.normal_(0.0, 0.3)
            bn.running_mean.normal_(0.0, 0.5)
            bn.running_var.uniform_(0.5, 2.0)
            bn.num_batches_tracked.fill_(seed + 10)
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def _data(seed, n):
    generator = torch.Generator().manual_seed(seed)
    X = torch.randn(n, 4, generator=generator) * 2.0 + 1.0
    y = torch.randint(0, 3, (n,), generator=generator)
    return X, y


def cases():
    X, y = _data(100, 8)
    return [
        Case.of(
            "freeze the first Linear and BatchNorm", _pretrained(1), ["0", "1"], X, y, 0.1, public=True, **TOL
        ),
        Case.of("nothing frozen", _pretrained(2), [], X, y, 0.1, public=True, **TOL),
        Case.of(
            "a frozen BatchNorm between trainable layers", _pretrained(3), ["4"], X, y, 0.2, points=2, **TOL
        ),
        Case.of(
            "frozen middle, trainable first layer",
            _pretrained(4),
            ["3", "4"],
            *_data(101, 6),
            0.1,
            points=2,
            **TOL,
        ),
        Case.of("only the head trainable", _pretrained(5), ["0", "1", "3", "4"], X, y, 0.5, **TOL),
        Case.of("every layer frozen", _pretrained(6), ["0", "1", "3", "4", "6"], X, y, 0.5, **TOL),
        Case.of("nothing frozen, two rows", _pretrained(7), [], *_data(102, 2), 0.1, **TOL),
        Case.of(
            "a ReLU named, refused", _pretrained(8), ["0", "2"], X, y, 0.1, raises="ValueError", seconds=10
        ),
    ]
