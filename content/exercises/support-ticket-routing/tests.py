"""Synthetic support tickets, generated the same way on every machine.

A ticket is a bag of a few words typical of its team, a few words of another team's (people
mention their card when they write about an intruder, or their account when they ask for their
data) and filler, shuffled. Two teams are rare (security about 2.5% of tickets, legal about
1.5%) and share most of their words with the account and billing teams, so a model fitted for
accuracy rarely sends anything their way, and macro-averaged F1 weighs each of the six teams
equally. The training and public tickets come from the web form, which corrects spelling; the
hidden tickets come from the new phone app, where about half of the words carry a slip (a letter
dropped, doubled or swapped with the next), so most of their word forms never occur in training
while their letter sequences mostly do. The labels of the public and hidden tickets never leave
the parent.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

TEAMS = ["billing", "delivery", "returns", "account", "security", "legal"]
SHARE = [0.36, 0.3, 0.2, 0.1, 0.025, 0.015]
WORDS = {
    "billing": [
        "charged",
        "twice",
        "invoice",
        "refund",
        "payment",
        "card",
        "price",
        "bill",
        "subscription",
        "fee",
    ],
    "delivery": [
        "parcel",
        "late",
        "courier",
        "tracking",
        "arrived",
        "delivery",
        "address",
        "package",
        "shipped",
        "driver",
    ],
    "returns": ["return", "label", "broken", "wrong", "size", "exchange", "damaged", "send", "back", "item"],
    "account": [
        "password",
        "login",
        "email",
        "account",
        "reset",
        "profile",
        "username",
        "change",
        "locked",
        "app",
    ],
    "security": [
        "login",
        "password",
        "account",
        "someone",
        "strange",
        "email",
        "changed",
        "locked",
        "card",
        "unknown",
    ],
    "legal": [
        "data",
        "delete",
        "personal",
        "account",
        "gdpr",
        "request",
        "email",
        "complaint",
        "lawyer",
        "copy",
    ],
}
FILLER = [
    "hi", "hello", "please", "help", "my", "the", "order", "i", "need", "urgent",
    "thanks", "today", "again", "still", "not", "why", "can", "you", "this", "is",
]  # fmt: skip


def slip(word, rng):
    """A typing slip inside a word of four letters or more: one letter dropped, doubled, or swapped
    with the next."""
    if len(word) < 4:
        return word
    i = int(rng.integers(1, len(word) - 1))
    kind = rng.integers(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def tickets(n, seed, slips=0.0):
    rng = np.random.default_rng(seed)
    team = rng.choice(len(TEAMS), n, p=SHARE)
    texts = []
    for t in team:
        words = list(rng.choice(WORDS[TEAMS[t]], rng.integers(2, 4)))
        words += list(rng.choice(WORDS[TEAMS[rng.integers(len(TEAMS))]], rng.integers(0, 3)))
        words += list(rng.choice(FILLER, rng.integers(3, 8)))
        rng.shuffle(words)
        texts.append(" ".join(slip(w, rng) if rng.random() < slips else w for w in words))
    return pd.DataFrame({"text": texts}), team


def macro_f1(truth, predictions):
    return f1_score(
        truth, np.asarray(predictions), labels=range(len(TEAMS)), average="macro", zero_division=0
    )


def cases():
    X_train, y_train = tickets(1500, 1)
    X_valid, y_valid = tickets(500, 2)
    X_next, y_next = tickets(1500, 3, slips=0.5)
    return [
        Case.of(
            "validation tickets from the web form",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("macro F1", y_valid, macro_f1, none_at=0.7, full_at=0.79),
        ),
        Case.of(
            "next month's tickets from the phone app",
            X_train,
            y_train,
            X_next,
            points=4,
            seconds=10,
            metric=Metric("macro F1", y_next, macro_f1, none_at=0.64, full_at=0.75),
        ),
    ]
