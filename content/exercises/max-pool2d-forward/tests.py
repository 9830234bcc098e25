import numpy as np
import torch

from mlinterview.exercises import Case


def _torch(x, kernel, stride, padding):
    """PyTorch's max_pool2d and its indices (first maximum of each window, -inf padding); the mask
    counts how often each input cell is a window's index."""
    out, indices = torch.nn.functional.max_pool2d(
        torch.from_numpy(np.asarray(x, dtype=float)), kernel, stride, padding, return_indices=True
    )
    n, c, h, w = x.shape
    flat = indices.reshape(n * c, indices.shape[2] * indices.shape[3]).numpy()
    mask = np.zeros((n * c, h * w), dtype=np.int64)
    for row, winners in enumerate(flat):
        mask[row] = np.bincount(winners, minlength=h * w)
    return out.numpy(), mask.reshape(n, c, h, w).astype(np.int64)


def _case(name, x, kernel, stride, padding, **options):
    x = np.asarray(x, dtype=float)
    return Case.of(name, x, kernel, stride, padding, expected=_torch(x, kernel, stride, padding), **options)


def cases():
    rng = np.random.default_rng(9)
    example = np.array([[[[1.0, 5.0, 2.0], [4.0, 3.0, 0.0], [7.0, 8.0, 6.0]]]])
    # small integers make ties inside windows common
    ties = rng.integers(0, 3, size=(1, 2, 5, 5)).astype(float)
    big = rng.normal(size=(2, 3, 9, 8))
    return [
        _case("overlapping 2 x 2 windows", example, 2, 1, 0, public=True),
        _case("non-overlapping windows", np.arange(16.0).reshape(1, 1, 4, 4), 2, 2, 0, public=True),
        _case("negative values with padding", -1.0 - rng.random((1, 1, 4, 4)), 3, 2, 1, points=2),
        _case(
            "a cell that wins several windows",
            np.array([[[[0.0, 1.0, 0.0, 0.0], [0.0, 9.0, 0.0, 2.0], [0.0, 0.0, 0.0, 0.0]]]]),
            2,
            1,
            0,
            points=2,
        ),
        _case("ties inside windows", ties, 2, 1, 0, points=2),
        _case("a constant image", np.full((1, 1, 3, 4), 2.5), 2, 1, 1),
        _case("stride leaves the last row and column unused", rng.normal(size=(1, 2, 5, 5)), 2, 2, 0),
        _case("a batch of two 3-channel images", big, 3, 2, 1, points=2),
        _case("an empty batch", np.zeros((0, 2, 4, 4)), 2, 2, 0),
        Case.of("padding above half the window", np.zeros((1, 1, 4, 4)), 2, 1, 2, raises="ValueError"),
        Case.of("stride of zero", np.zeros((1, 1, 4, 4)), 2, 0, 0, raises="ValueError"),
        Case.of("a kernel of zero", np.zeros((1, 1, 4, 4)), 0, 1, 0, raises="ValueError"),
        Case.of("negative padding", np.zeros((1, 1, 4, 4)), 2, 1, -1, raises="ValueError"),
        Case.of("a window larger than the image", np.zeros((1, 1, 2, 2)), 3, 1, 0, raises="ValueError"),
        Case.of("a 3-D input", np.zeros((1, 4, 4)), 2, 2, 0, raises="ValueError"),
    ]
