"""Synthetic flat sales in one city, generated the same way on every machine.

The price is multiplicative: a price per square metre set by the district and the condition,
times the floor area, with upper floors worth more when there is a lift and less when there is
not, and a log-normal error of about 15%. Prices run from under 50,000 to about 800,000 euros, so
a model fitted by squared error on the raw price serves the expensive flats and misses the cheap
ones by a large factor (a linear one even predicts negative prices for small flats in cheap
districts, which the metric counts as 0). The metric is the root mean squared logarithmic error;
the hidden rows are next month's flats, drawn the same way, valued while they are listed. The
transfer tax is paid at the deed, 6% of the price, so it is known for the training and public
sales and 0 for every flat still for sale; a model that learnt the price from it values them all
at the cheapest price it has seen. Labels of the public and hidden rows
never leave the parent.
"""

import numpy as np
import pandas as pd

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

DISTRICTS = {
    "centre": 0.55,
    "old town": 0.4,
    "riverside": 0.25,
    "university": 0.1,
    "harbour": 0.0,
    "north": -0.2,
    "industrial": -0.45,
    "outskirts": -0.6,
}
CONDITION = {"to renovate": -0.3, "fair": 0.0, "good": 0.1, "new": 0.25}


def rmsle(truth, predictions):
    """Root mean squared error of log(1 + price); a negative prediction counts as 0."""
    predicted = np.log1p(np.maximum(np.asarray(predictions, dtype=float), 0.0))
    return float(np.sqrt(np.mean((predicted - np.log1p(truth)) ** 2)))


def sales(n, seed, *, sold=True):
    rng = np.random.default_rng(seed)
    area = np.round(np.exp(rng.normal(4.1, 0.45, n)))
    rooms = np.clip(np.round(area / 25 + rng.normal(0.0, 0.7, n)), 1, 8).astype(int)
    district = rng.choice(list(DISTRICTS), n)
    floor = rng.integers(0, 12, n)
    lift = (rng.random(n) < 0.6).astype(int)
    built = rng.integers(1900, 2024, n)
    condition = rng.choice(list(CONDITION), n, p=[0.15, 0.35, 0.4, 0.1])
    log_price = (
        np.log(3200.0)
        + np.log(area)
        + np.array([DISTRICTS[d] for d in district])
        + np.array([CONDITION[c] for c in condition])
        + 0.02 * floor * lift
        - 0.03 * floor * (1 - lift)
        + rng.normal(0.0, 0.15, n)
    )
    frame = pd.DataFrame(
        {
            "area_m2": area,
            "rooms": rooms,
            "district": district,
            "floor": floor,
            "lift": lift,
            "year_built": built,
            "condition": condition,
        }
    )
    price = np.round(np.exp(log_price), -2)
    frame["transfer_tax"] = np.round(0.06 * price, -1) if sold else np.zeros(n)
    return frame, price


def cases():
    X_train, y_train = sales(1500, 1)
    X_valid, y_valid = sales(600, 2)
    X_next, y_next = sales(1500, 3, sold=False)
    return [
        Case.of(
            "validation sales",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("RMSLE", y_valid, rmsle, none_at=0.62, full_at=0.175),
        ),
        Case.of(
            "next month's sales",
            X_train,
            y_train,
            X_next,
            points=4,
            seconds=10,
            metric=Metric("RMSLE", y_next, rmsle, none_at=0.62, full_at=0.175),
        ),
    ]
