import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(3)
    big_x = rng.normal(0.0, 1.0, size=(2, 3, 9, 8))
    big_w = rng.normal(0.0, 1.0, size=(4, 3, 3, 2))
    big_b = rng.normal(0.0, 1.0, size=4)
    image = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    diagonal = np.array([[[[1.0, 0.0], [0.0, -1.0]]]])
    return [
        Case.of(
            "a 2 x 2 kernel, no padding",
            image,
            diagonal,
            np.zeros(1),
            1,
            0,
            public=True,
            expected=np.array([[[[-4.0, -4.0], [-4.0, -4.0]]]]),
        ),
        Case.of(
            "an asymmetric kernel shows there is no flip",
            np.arange(16.0).reshape(1, 1, 4, 4),
            np.array([[[[1.0, 2.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, -1.0]]]]),
            np.array([0.5]),
            1,
            0,
            points=2,
            # window at (i, j): x[i, j] + 2 x[i, j + 1] - x[i + 2, j + 2]
            expected=np.array([[[[-7.5, -5.5], [0.5, 2.5]]]]),
        ),
        Case.of(
            "zero padding of one",
            image,
            np.ones((1, 1, 3, 3)),
            np.zeros(1),
            1,
            1,
            points=2,
            expected=np.array([[[[12.0, 21.0, 16.0], [27.0, 45.0, 33.0], [24.0, 39.0, 28.0]]]]),
        ),
        Case.of(
            "stride two leaves the last column unused",
            np.arange(20.0).reshape(1, 1, 4, 5),
            np.ones((1, 1, 2, 2)),
            np.array([-1.0]),
            2,
            0,
            expected=np.array([[[[11.0, 19.0], [51.0, 59.0]]]]),
        ),
        Case.of(
            "two channels in, two out, a 1 x 1 kernel",
            np.array([[[[1.0, 2.0]], [[10.0, 20.0]]]]),
            np.array([[[[1.0]], [[1.0]]], [[[2.0]], [[-1.0]]]]),
            np.array([0.0, 100.0]),
            1,
            0,
            expected=np.array([[[[11.0, 22.0]], [[92.0, 84.0]]]]),
        ),
        Case.of("a batch of two 3-channel images, stride 2, padding 1", big_x, big_w, big_b, 2, 1, points=2),
        Case.of(
            "an empty batch", np.zeros((0, 3, 5, 5)), big_w, big_b, 1, 0, expected=np.zeros((0, 4, 3, 4))
        ),
        Case.of(
            "channel counts differ", image, np.ones((1, 2, 2, 2)), np.zeros(1), 1, 0, raises="ValueError"
        ),
        Case.of(
            "kernel larger than the input",
            image,
            np.ones((1, 1, 4, 4)),
            np.zeros(1),
            1,
            0,
            raises="ValueError",
        ),
        Case.of("stride of zero", image, diagonal, np.zeros(1), 0, 0, raises="ValueError"),
    ]
