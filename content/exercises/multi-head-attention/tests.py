import torch
from torch import nn

from mlinterview.exercises import Case

TOL = {"rtol": 1e-4, "atol": 1e-5}


def _random(seed, *shape):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _layer(seed, embed, heads):
    torch.manual_seed(seed)
    layer = nn.MultiheadAttention(embed, heads, batch_first=True)
    with torch.no_grad():  # biases are zero at creation: make them count
        layer.in_proj_bias.normal_()
        layer.out_proj.bias.normal_()
    return layer.eval()


def _case(name, seed, embed, heads, batch, length_q, length_k, mask=None, self_attention=False, **options):
    layer = _layer(seed, embed, heads)
    query = _random(seed + 1, batch, length_q, embed)
    key = query if self_attention else _random(seed + 2, batch, length_k, embed)
    value = query if self_attention else _random(seed + 3, batch, length_k, embed)
    with torch.no_grad():  # PyTorch's own layer gives the expected values
        expected = layer(
            query, key, value, key_padding_mask=mask, need_weights=True, average_attn_weights=False
        )
    params = {name: tensor.detach().clone() for name, tensor in layer.state_dict().items()}
    return Case.of(name, query, key, value, params, heads, mask, expected=tuple(expected), **TOL, **options)


def cases():
    padding = torch.tensor([[False, False, False, True, True], [False, False, False, False, True]])
    return [
        _case("one head, no mask", 1, 4, 1, 1, 2, 3, public=True),
        _case("two heads, self-attention", 2, 4, 2, 2, 3, 3, self_attention=True, public=True),
        _case("four heads with a key padding mask", 3, 8, 4, 2, 4, 5, padding, points=2),
        _case("two heads, more keys than queries", 4, 6, 2, 2, 2, 5, points=2),
        _case("a mask with one key left", 5, 4, 2, 2, 3, 3, torch.tensor([[True, True, False], [False] * 3])),
        _case("one head per feature", 6, 3, 3, 1, 3, 2),
        _case("a single query", 7, 8, 2, 3, 1, 4, torch.zeros(3, 4, dtype=torch.bool)),
        Case.of(
            "heads that do not divide the width, refused",
            _random(8, 1, 2, 6),
            _random(9, 1, 2, 6),
            _random(10, 1, 2, 6),
            {n: t.detach().clone() for n, t in _layer(11, 6, 2).state_dict().items()},
            4,
            None,
            raises="ValueError",
        ),
        Case.of(
            "every key of a batch element masked, refused",
            _random(12, 2, 2, 4),
            _random(13, 2, 3, 4),
            _random(14, 2, 3, 4),
            {n: t.detach().clone() for n, t in _layer(15, 4, 2).state_dict().items()},
            2,
            torch.tensor([[False, True, False], [True, True, True]]),
            raises="ValueError",
        ),
    ]
