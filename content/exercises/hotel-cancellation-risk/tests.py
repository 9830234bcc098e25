"""Synthetic hotel bookings, generated the same way on every machine; about a third are cancelled.

Whether a booking is cancelled depends on its lead time, the deposit, earlier cancellations, the
special requests and the travel agent it came through (700 agents, each with its own effect; a
few large, many with a handful of bookings a season). ``agent_cancel_rate`` is what the feature
table reports: for last season's bookings (the training and public rows) it is the agent's
cancellation rate over the whole season, the booking's own outcome included, so for an agent with
three bookings a third of it is the label. For next month's bookings (the hidden rows) it is the
rate over last season, which does not know their outcome (and is empty for an agent with no
bookings last season). A model that leans on the column wins on the public rows and is
over-confident on the hidden ones, worse than the base rate; the agent itself carries signal,
shrunk towards the average. The metric is the Brier score; labels of the public and hidden rows
never leave the parent.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

AGENTS = 700
DEPOSIT = {"none": 0.0, "refundable": 0.3, "non-refundable": -1.8}


def agents(seed=5):
    rng = np.random.default_rng(seed)
    size = np.exp(rng.normal(0.0, 1.0, AGENTS))
    return size / size.sum(), rng.normal(0.0, 0.9, AGENTS)


def bookings(n, seed):
    share, effect = agents()
    rng = np.random.default_rng(seed)
    agent = rng.choice(AGENTS, n, p=share)
    lead = np.round(rng.exponential(60.0, n))
    nights = rng.integers(1, 10, n)
    deposit = rng.choice(list(DEPOSIT), n, p=[0.6, 0.25, 0.15])
    previous = rng.poisson(0.2, n)
    requests = rng.poisson(0.8, n)
    logit = (
        -1.3
        + 0.012 * lead
        + 0.9 * previous
        - 0.45 * requests
        + effect[agent]
        + np.array([DEPOSIT[d] for d in deposit])
    )
    cancelled = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    frame = pd.DataFrame(
        {
            "lead_time_days": lead,
            "nights": nights,
            "deposit": deposit,
            "previous_cancellations": previous,
            "special_requests": requests,
            "agent": [f"A{a:03d}" for a in agent],
        }
    )
    return frame, cancelled


def cases():
    season, cancelled = bookings(3000, 1)
    season_rate = pd.Series(cancelled).groupby(season["agent"].to_numpy()).mean()
    season["agent_cancel_rate"] = season["agent"].map(season_rate).round(3)
    X_next, y_next = bookings(3000, 2)
    X_next["agent_cancel_rate"] = X_next["agent"].map(season_rate).round(3)
    X_train, y_train = season.iloc[:2000].reset_index(drop=True), cancelled[:2000]
    X_valid, y_valid = season.iloc[2000:].reset_index(drop=True), cancelled[2000:]
    return [
        Case.of(
            "validation bookings from last season",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("Brier score", y_valid, brier_score_loss, none_at=0.222, full_at=0.183),
        ),
        Case.of(
            "next month's bookings",
            X_train,
            y_train,
            X_next,
            points=4,
            seconds=10,
            metric=Metric("Brier score", y_next, brier_score_loss, none_at=0.22, full_at=0.187),
        ),
    ]
