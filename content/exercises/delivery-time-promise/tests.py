"""Synthetic grocery deliveries, generated the same way on every machine.

The typical delivery time grows with the distance, the size of the basket, the evening rush and
rain, and shrinks with the couriers on shift; the spread around it is multiplicative (log-normal)
and itself wider in the rain, in the rush and when fewer than five couriers work, so delivery
times are right-skewed and the gap between the typical time and the 90th percentile differs from
order to order. ``late_voucher`` is filled in after the delivery (one euro for every started five
minutes past thirty), so in last month's rows, the training and the public ones, it reveals the
delivery time of every third order; next month's orders are seen at checkout, before any voucher
exists, so it is 0 for all of them, and a model that learnt from it promises far too little. The
metric is the mean pinball loss at 0.9, which a prediction of the conditional
90th percentile minimises; a model of the mean misses it on every order, and one constant margin
added to it fits the calm orders and the stormy ones equally badly. Next month (the hidden rows)
is wetter: it rains on 35% of orders instead of 20%. The labels of the public and hidden orders
never leave the parent.
"""

from functools import partial

import numpy as np
import pandas as pd
from sklearn.metrics import mean_pinball_loss

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

pinball_90 = partial(mean_pinball_loss, alpha=0.9)


def orders(n, seed, rain_share=0.2, *, delivered=True):
    rng = np.random.default_rng(seed)
    km = np.round(rng.gamma(2.0, 1.8, n), 1)
    hour = rng.integers(10, 23, n)
    items = rng.integers(1, 40, n)
    raining = (rng.random(n) < rain_share).astype(int)
    couriers = rng.integers(2, 15, n)
    rush = ((hour >= 18) & (hour <= 20)).astype(int)
    typical = 12 + 3.2 * km + 0.15 * items + 6 * rush + 4 * raining - 0.3 * couriers
    spread = 0.15 + 0.25 * raining + 0.15 * rush + 0.15 * (couriers < 5)
    minutes = np.round(typical * np.exp(rng.normal(0.0, spread)), 1)
    frame = pd.DataFrame(
        {
            "distance_km": km,
            "hour": hour,
            "items": items,
            "raining": raining,
            "couriers_on_shift": couriers,
            "late_voucher": late_voucher(minutes) if delivered else np.zeros(n),
        }
    )
    return frame, minutes


def late_voucher(minutes):
    """Euros of the apology voucher: one for every started five minutes past thirty."""
    return np.where(minutes > 30, np.ceil((minutes - 30) / 5), 0.0)


def cases():
    X_train, y_train = orders(2000, 1)
    X_valid, y_valid = orders(800, 2)
    X_next, y_next = orders(2000, 3, rain_share=0.35, delivered=False)
    return [
        Case.of(
            "validation orders from last month",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("pinball loss", y_valid, pinball_90, none_at=3.1, full_at=1.95),
        ),
        Case.of(
            "next month's orders",
            X_train,
            y_train,
            X_next,
            points=4,
            seconds=10,
            metric=Metric("pinball loss", y_next, pinball_90, none_at=3.6, full_at=2.35),
        ),
    ]
