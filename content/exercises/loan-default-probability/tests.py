"""Synthetic loan applications, generated the same way on every machine; about 8% default
(varying by sample, from under 8% to nearly 9%).

The metric is log loss on the predicted probabilities (clipped to [1e-6, 1 - 1e-6] first, so a
probability of 0 or 1 is scored as a very confident one rather than refused): the lender prices
each loan from the probability, so the number itself must be right, not only the order. A model
trained on rebalanced classes (class weights, undersampling, oversampling) ranks well but claims
defaults several times more often than they happen, and scores worse than the base rate.
``months_in_arrears`` is counted while a loan is repaid, so in last year's loans (training and
public rows) it reveals every default; next quarter's applications are priced before any
repayment falls due, so it is 0 for all of them, and a model that learnt from it calls every one
of them safe. The labels of the public and hidden applications never leave the parent.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import log_loss

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

EMPLOYMENT = {"salaried": -0.5, "self-employed": 0.5, "retired": 0.0, "unemployed": 1.5}
PURPOSE = {"car": 0.0, "home improvement": -0.2, "debt consolidation": 0.4, "holiday": 0.5, "education": 0.1}


def clipped_log_loss(truth, probabilities):
    return log_loss(truth, np.clip(np.asarray(probabilities, dtype=float), 1e-6, 1 - 1e-6), labels=[0, 1])


def applications(n, seed, *, repaying=True):
    rng = np.random.default_rng(seed)
    income = np.round(np.exp(rng.normal(10.4, 0.5, n)), -2)
    debt_ratio = np.round(rng.beta(2.0, 5.0, n), 3)
    history = rng.integers(0, 30, n)
    late = rng.poisson(0.5, n)
    amount = np.round(income * rng.uniform(0.05, 0.6, n), -2)
    employment = rng.choice(list(EMPLOYMENT), n, p=[0.6, 0.2, 0.12, 0.08])
    purpose = rng.choice(list(PURPOSE), n)
    logit = (
        -2.9
        + 6.0 * (debt_ratio - 0.28)
        - 0.08 * history
        + 1.0 * late
        + 2.5 * (amount / income - 0.3)
        - 1.0 * np.log(income / 33000)
        + np.array([EMPLOYMENT[e] for e in employment])
        + np.array([PURPOSE[p] for p in purpose])
    )
    default = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    frame = pd.DataFrame(
        {
            "income": income,
            "debt_to_income": debt_ratio,
            "credit_history_years": history,
            "late_payments_2y": late,
            "loan_amount": amount,
            "employment": employment,
            "purpose": purpose,
            "months_in_arrears": (
                months_in_arrears(default, history, late) if repaying else np.zeros(n, dtype=int)
            ),
        }
    )
    return frame, default


def months_in_arrears(default, history, late):
    """Months the loan has fallen behind on its repayments since it was granted: a default is
    declared after three, so every defaulted loan has three to six; a few sound borrowers with
    late payments elsewhere missed one month and caught up."""
    caught_up = (default == 0) & (late >= 2) & (history % 5 == 0)
    return np.where(default == 1, 3 + history % 4, caught_up.astype(int))


def cases():
    X_train, y_train = applications(12000, 21)
    X_valid, y_valid = applications(4000, 22)
    X_next, y_next = applications(12000, 23, repaying=False)
    return [
        Case.of(
            "validation applications",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("log loss", y_valid, clipped_log_loss, none_at=0.275, full_at=0.205),
        ),
        Case.of(
            "next quarter's applications",
            X_train,
            y_train,
            X_next,
            points=4,
            seconds=10,
            metric=Metric("log loss", y_next, clipped_log_loss, none_at=0.295, full_at=0.215),
        ),
    ]
