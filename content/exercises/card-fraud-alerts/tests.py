"""Synthetic card payments, generated the same way on every machine; about 2% are fraud.

Fraud is more likely when a payment is far above what the card usually spends (the ratio of
``amount`` to ``usual_amount_90d`` matters, not the amount itself), at night, far from home, in a
burst of payments, without the card present, and in some merchant categories. The metric is
average precision, the area under the precision-recall curve, which rewards putting frauds at the
top of the list. ``chargeback_filed`` is written after the payment, when the cardholder disputes
it: in last month's rows (training and public) it is 1 for every fraud and a few genuine payments;
this month's payments are scored as they arrive, before any dispute, so it is 0 for all of them and
a model that learnt from it ranks them no better than a constant. A constant or a column of 0/1
labels (what ``predict`` of a classifier returns, nearly all zeros at this base rate) sits at or
near the base rate. The labels of the public and hidden payments never leave the parent.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

CATEGORIES = [
    "grocery",
    "fuel",
    "travel",
    "electronics",
    "restaurants",
    "online_retail",
    "gaming",
    "pharmacy",
]
CATEGORY_RISK = np.array([-0.8, -0.4, 0.5, 0.9, -0.6, 0.6, 1.1, -0.7])


def payments(n, seed, *, investigated=True):
    rng = np.random.default_rng(seed)
    usual = np.round(np.exp(rng.normal(3.5, 0.7, n)), 2)
    category = rng.integers(0, len(CATEGORIES), n)
    log_ratio = rng.normal(0.0, 0.6, n)
    hour = rng.integers(0, 24, n)
    km = np.round(rng.exponential(12.0, n), 1)
    last_hour = rng.poisson(0.4, n)
    present = (rng.random(n) < 0.6).astype(int)
    night = (hour <= 5).astype(float)
    logit = (
        -6.9
        + 2.6 * log_ratio.clip(0)
        + CATEGORY_RISK[category]
        + 1.5 * night
        + 0.05 * km.clip(0, 80)
        + 0.9 * last_hour
        - 1.6 * present
        + 1.5 * (log_ratio > 1.0) * night
    )
    fraud = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    frame = pd.DataFrame(
        {
            "amount": np.round(usual * np.exp(log_ratio), 2),
            "usual_amount_90d": usual,
            "merchant_category": np.array(CATEGORIES)[category],
            "hour": hour,
            "km_from_home": km,
            "payments_last_hour": last_hour,
            "card_present": present,
            "chargeback_filed": (
                chargebacks(fraud, log_ratio, present, hour) if investigated else np.zeros(n, dtype=int)
            ),
        }
    )
    return frame, fraud


def chargebacks(fraud, log_ratio, present, hour):
    """1 once the cardholder disputed the payment: every confirmed fraud, and a few genuine online
    payments well above the card's usual amount that the cardholder did not recognise."""
    disputed_genuine = (present == 0) & (log_ratio > 1.0) & (hour % 3 == 0)
    return (fraud.astype(bool) | disputed_genuine).astype(int)


def cases():
    X_train, y_train = payments(20000, 1)
    X_valid, y_valid = payments(6000, 2)
    X_next, y_next = payments(20000, 3, investigated=False)
    return [
        Case.of(
            "validation payments",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("average precision", y_valid, average_precision_score, none_at=0.15, full_at=0.45),
        ),
        Case.of(
            "next month's payments",
            X_train,
            y_train,
            X_next,
            points=4,
            seconds=10,
            metric=Metric("average precision", y_next, average_precision_score, none_at=0.1, full_at=0.35),
        ),
    ]
