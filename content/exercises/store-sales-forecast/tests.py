"""Synthetic daily sales of 30 shops over 64 weeks, generated the same way on every machine.

Each shop has its own level and its own weekly growth (or decline) on the log scale; on top come
the day of the week, promotions, holidays, a shock shared by all days of one shop-week (a local
event, roadworks) and daily noise, all multiplicative, so sales are right-skewed. Training rows
and the public rows are the first 52 weeks, the public rows drawn at random from them; the hidden
rows are weeks 52 to 63, the forecast the shops actually need. A model that memorises shop-weeks
(a forest on the week number) wins on random rows, whose neighbours in the same week it has seen,
and flat-lines into the future; a model on the raw scale is pulled by the big days. The labels of
the public and hidden rows never leave the parent; the metric is mean absolute error.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

SHOPS = 30
WEEKS = 64
TRAIN_WEEKS = 52
DAY_EFFECT = np.array([-0.1, -0.15, -0.05, 0.0, 0.15, 0.35, -0.2])


def sales_history(seed=7):
    rng = np.random.default_rng(seed)
    level = rng.normal(6.2, 0.8, SHOPS)
    growth = rng.normal(0.012, 0.02, SHOPS)
    size = np.round(np.exp(level + rng.normal(0.0, 0.15, SHOPS)))
    city = rng.choice(["lyon", "lille", "nantes", "nice", "metz"], SHOPS)
    week_shock = rng.normal(0.0, 0.4, (SHOPS, WEEKS))
    grid = np.meshgrid(np.arange(SHOPS), np.arange(WEEKS), np.arange(7), indexing="ij")
    shop, week, day = (a.ravel() for a in grid)
    n = len(shop)
    promo = (rng.random(n) < 0.15).astype(int)
    holiday = (rng.random(n) < 0.03).astype(int)
    log_sales = (
        level[shop]
        + growth[shop] * week
        + DAY_EFFECT[day]
        + 0.3 * promo
        + 0.4 * holiday
        + week_shock[shop, week]
        + rng.normal(0.0, 0.2, n)
    )
    frame = pd.DataFrame(
        {
            "shop": [f"S{s:02d}" for s in shop],
            "city": city[shop],
            "shop_size": size[shop],
            "week": week,
            "day_of_week": day,
            "promo": promo,
            "holiday": holiday,
        }
    )
    return frame, np.round(np.exp(log_sales), 2)


def cases():
    X, y = sales_history()
    past = np.flatnonzero(X["week"] < TRAIN_WEEKS)
    future = np.flatnonzero(X["week"] >= TRAIN_WEEKS)
    shuffled = np.random.default_rng(11).permutation(past)
    public, train = np.sort(shuffled[:2000]), np.sort(shuffled[2000:])

    def rows(index):
        return X.iloc[index].reset_index(drop=True)

    return [
        Case.of(
            "random days from the training weeks",
            rows(train),
            y[train],
            rows(public),
            public=True,
            seconds=10,
            metric=Metric("MAE", y[public], mean_absolute_error, none_at=375.0, full_at=285.0),
        ),
        Case.of(
            "the twelve weeks after the training data",
            rows(train),
            y[train],
            rows(future),
            points=4,
            seconds=10,
            metric=Metric("MAE", y[future], mean_absolute_error, none_at=700.0, full_at=570.0),
        ),
    ]
