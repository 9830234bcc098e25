"""Synthetic homepage sessions, generated the same way on every machine.

Each session shows 8 candidate products in 8 slots. Whether a shopper clicks a product is the
chance that they look at its slot (1 / slot ** 1.5: the first slot is looked at always, the
second about a third of the time, the last about a twentieth) times how attractive the product
is to them (it matches their interests, its rating, a discount); popularity itself does not make
a product more attractive. The training and public sessions come from the log of the old
homepage, which put the most popular products first, so in the log popular products are clicked
far more, mostly because they were shown on top. The hidden sessions come from an experiment week
in which every slate was shown in random order, so a click there reflects the product, not the
slot; their ``slot`` is empty, as it is when a slate is about to be ranked. A model that ignores
the slot learns that popularity sells and beats the reference on the logged sessions; ranking by
popularity is what the old homepage did. The metric is precision at 2 per session (ties broken
at random, the same way every time); the labels never leave the parent.
"""

import numpy as np
import pandas as pd

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

SLOTS = 8


def sessions(count, seed, *, experiment):
    rng = np.random.default_rng(seed)
    n = count * SLOTS
    session = np.repeat(np.arange(count), SLOTS)
    matches = (rng.random(n) < 0.3).astype(int)
    rating = np.round(np.clip(rng.normal(4.0, 0.5, n), 1.0, 5.0), 1)
    discount = (rng.random(n) < 0.2).astype(int)
    popularity = np.round(np.exp(rng.normal(5.0, 1.2, n)))
    attractive = 1 / (1 + np.exp(-(-0.6 + 1.8 * matches + 0.8 * (rating - 4.0) + 0.6 * discount)))
    slot = np.empty(n)
    for s in range(count):
        rows = slice(s * SLOTS, (s + 1) * SLOTS)
        if experiment:
            order = rng.permutation(SLOTS)
        else:  # the old homepage: most popular first, give or take
            order = np.argsort(np.argsort(-(np.log(popularity[rows]) + rng.normal(0.0, 0.3, SLOTS))))
        slot[rows] = order + 1
    clicked = (rng.random(n) < attractive / slot**1.5).astype(int)
    frame = pd.DataFrame(
        {
            "session": session,
            "slot": np.full(n, np.nan) if experiment else slot,
            "matches_interests": matches,
            "rating": rating,
            "discount": discount,
            "popularity": popularity,
        }
    )
    return frame, clicked


def precision_at_2(truth, scores):
    """Share of clicked products among the two best-scored of each session, over all sessions."""
    table = truth.assign(score=np.asarray(scores, dtype=float))
    table = table.sample(frac=1.0, random_state=0)  # ties in random order
    table = table.sort_values(["session", "score"], ascending=[True, False], kind="stable")
    return float(table.groupby("session").head(2)["clicked"].mean())


def cases():
    X_train, y_train = sessions(1500, 1, experiment=False)
    X_valid, y_valid = sessions(600, 2, experiment=False)
    X_next, y_next = sessions(2500, 3, experiment=True)

    def truth(X, y):
        return pd.DataFrame({"session": X["session"].to_numpy(), "clicked": y})

    return [
        Case.of(
            "validation sessions from the log",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("precision@2", truth(X_valid, y_valid), precision_at_2, none_at=0.13, full_at=0.19),
        ),
        Case.of(
            "sessions shown in random order",
            X_train,
            y_train,
            X_next,
            points=4,
            seconds=10,
            metric=Metric("precision@2", truth(X_next, y_next), precision_at_2, none_at=0.145, full_at=0.17),
        ),
    ]
