"""Synthetic subscribers, generated the same way on every machine.

The training period and the public validation rows come from last quarter's records, where
``refund_issued`` was filled in by support *after* a customer cancelled (every cancelled customer
got the unused month back), so it matches the label exactly. The hidden rows are next month's
customers as the model sees them at prediction time: nobody has cancelled yet, so no refund has
been issued, and a new "enterprise" plan has appeared. Labels of the hidden rows never leave the
parent; the metric is ROC AUC on them.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

PLANS = {"basic": 19.0, "plus": 39.0, "pro": 79.0, "enterprise": 149.0}


def subscribers(n, seed, *, future):
    rng = np.random.default_rng(seed)
    plans = ["basic", "plus", "pro", "enterprise"] if future else ["basic", "plus", "pro"]
    weights = [0.45, 0.3, 0.15, 0.1] if future else [0.5, 0.32, 0.18]
    plan = rng.choice(plans, size=n, p=weights)
    tenure = rng.integers(1, 61, size=n)
    support_calls = rng.poisson(1.2, size=n)
    last_login_days = np.round(rng.exponential(9.0, size=n))
    region = rng.choice(["north", "south", "east", "west"], size=n)
    discount = rng.random(n) < 0.25
    fee = np.array([PLANS[p] for p in plan]) * np.where(discount, 0.8, 1.0)
    logit = (
        -2.4
        + 0.55 * support_calls
        + 0.07 * last_login_days
        - 0.045 * tenure
        + np.select([plan == "basic", plan == "pro", plan == "enterprise"], [0.7, -0.4, -0.9], 0.0)
        - 0.5 * discount
    )
    churned = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    frame = pd.DataFrame(
        {
            "tenure_months": tenure,
            "plan": plan,
            "monthly_fee": np.round(fee, 2),
            "discount": discount.astype(int),
            "support_calls_90d": support_calls,
            "days_since_last_login": last_login_days,
            "region": region,
            "refund_issued": np.zeros(n, dtype=int) if future else churned.copy(),
        }
    )
    return frame, churned


def cases():
    X_train, y_train = subscribers(1500, 101, future=False)
    X_valid, y_valid = subscribers(500, 202, future=False)
    X_next, y_next = subscribers(2000, 303, future=True)
    return [
        Case.of(
            "validation rows from the training quarter",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("ROC AUC", y_valid, roc_auc_score, none_at=0.6, full_at=0.76),
        ),
        Case.of(
            "next month's customers",
            X_train,
            y_train,
            X_next,
            points=4,
            seconds=10,
            metric=Metric("ROC AUC", y_next, roc_auc_score, none_at=0.6, full_at=0.76),
        ),
    ]
