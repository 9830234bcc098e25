import math

from torch import nn

from mlinterview.exercises import Case

TOL = {"rtol": 1e-9, "atol": 0.0}


def _by_torch(shape):
    """The fans torch.nn.init computes for an empty weight of this shape, and the bounds from its
    gains (a uniform distribution's bound is sqrt(3) times its standard deviation)."""
    import torch

    weight = torch.empty(*shape)
    fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(weight)
    relu = nn.init.calculate_gain("relu")
    default = nn.init.calculate_gain("leaky_relu", math.sqrt(5))
    return {
        "fan_in": fan_in,
        "fan_out": fan_out,
        "xavier_uniform": math.sqrt(3.0) * math.sqrt(2.0 / (fan_in + fan_out)),
        "kaiming_uniform": math.sqrt(3.0) * relu / math.sqrt(fan_in),
        "pytorch_default": math.sqrt(3.0) * default / math.sqrt(fan_in),
    }


def _case(name, shape, **options):
    return Case.of(name, shape, expected=_by_torch(shape), **TOL, **options)


def _weight_shape(layer):
    return list(layer.weight.shape)


def cases():
    return [
        _case("a Linear(2, 3) weight", [3, 2], public=True),
        _case("a Conv2d(3, 16, 3) weight", _weight_shape(nn.Conv2d(3, 16, 3)), public=True),
        _case("a Conv2d(8, 4, (5, 3)) weight", _weight_shape(nn.Conv2d(8, 4, (5, 3))), points=2),
        _case("a Linear(64, 10) weight", _weight_shape(nn.Linear(64, 10)), points=2),
        _case("a grouped Conv2d(8, 8, 3, groups=4) weight", _weight_shape(nn.Conv2d(8, 8, 3, groups=4))),
        _case("a Conv1d(4, 6, 7) weight", _weight_shape(nn.Conv1d(4, 6, 7))),
        _case("a Conv3d(2, 3, (2, 3, 4)) weight", _weight_shape(nn.Conv3d(2, 3, (2, 3, 4)))),
        _case("a 1x1 convolution", _weight_shape(nn.Conv2d(5, 7, 1))),
        _case("a square Linear weight", [6, 6]),
        Case.of("a bias vector, refused", [10], raises="ValueError"),
        Case.of("a dimension of size zero, refused", [4, 0, 3, 3], raises="ValueError"),
    ]
