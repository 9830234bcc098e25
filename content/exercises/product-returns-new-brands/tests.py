"""Synthetic marketplace orders, generated the same way on every machine.

Whether an order is sent back depends on the kind of product (a phrase inside the free-text
title: shoes and dresses come back, cables do not), on the brand (600 brands, each with its own
effect, a few common and most rare), on how many photos the listing has, the seller's rating and
the price. Training and public orders come from the 400 brands on the marketplace last month; half
of the hidden orders come from 200 brands that joined since. An encoder that refuses unseen
categories raises on the hidden orders (and one patched to treat them as the most common brand
scores them as that brand); a model that leans on the brand alone has nothing to go
on for new brands, while the product words in the title still carry. The labels of the public and
hidden orders never leave the parent; the metric is ROC AUC. ``refund_eur`` is known only once
an order is settled: in last month's orders (training and public) it is the price of every return,
while next month's orders are ranked when they are placed, with no refund yet, so it is 0 for all
of them and a model that learnt from it has nothing left to rank them by.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

PRODUCTS = {
    "running shoes": 1.0,
    "summer dress": 1.2,
    "usb cable": -1.3,
    "phone case": -0.8,
    "winter jacket": 0.7,
    "slim jeans": 1.1,
    "wireless headphones": 0.2,
    "desk lamp": -0.6,
    "backpack": -0.3,
    "sunglasses": 0.1,
    "wrist watch": 0.0,
    "cotton t-shirt": 0.5,
}
COLOURS = ["black", "white", "navy", "red", "green", "grey"]
SYLLABLES = ["ka", "lo", "mi", "ter", "von", "rex", "su", "pa", "dor", "qui", "zen", "bel", "tor", "ina"]
BRANDS = 600
KNOWN_BRANDS = 400


def brand_world(seed=5):
    rng = np.random.default_rng(seed)
    names = np.array(["".join(rng.choice(SYLLABLES, 2)) + str(i) for i in range(BRANDS)])
    return names, rng.normal(0.0, 0.9, BRANDS), rng.normal(0.0, 0.4, BRANDS)


def orders(n, seed, brands, *, settled=True):
    names, effect, premium = brand_world()
    rng = np.random.default_rng(seed)
    weights = 1 / np.arange(1, len(brands) + 1) ** 0.7
    brand = rng.choice(brands, n, p=weights / weights.sum())
    products = list(PRODUCTS)
    product = rng.integers(0, len(products), n)
    colour = rng.choice(COLOURS, n)
    base_price = 10.0 + 7.0 * product
    price = np.round(base_price * np.exp(premium[brand] + rng.normal(0.0, 0.3, n)), 2)
    photos = rng.integers(1, 9, n)
    rating = np.round(np.clip(rng.normal(4.4, 0.35, n), 2.5, 5.0), 1)
    logit = (
        -2.2
        + np.array(list(PRODUCTS.values()))[product]
        + effect[brand]
        + 0.25 * (4 - photos).clip(0)
        - 1.2 * (rating - 4.4)
        + 0.3 * np.log(price / 30.0)
    )
    returned = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    frame = pd.DataFrame(
        {
            "title": [
                f"{names[b]} {products[p]} {c}" for b, p, c in zip(brand, product, colour, strict=True)
            ],
            "brand": names[brand],
            "price": price,
            "photos": photos,
            "seller_rating": rating,
            "refund_eur": refunds(returned, price, photos, rating) if settled else np.zeros(n),
        }
    )
    return frame, returned


def refunds(returned, price, photos, rating):
    """Euros paid back once the order is settled: the full price of every parcel sent back, and a
    tenth of it as a goodwill gesture on kept orders from sparse listings of poorly rated sellers."""
    goodwill = (returned == 0) & (photos == 1) & (rating < 4.0)
    return np.round(np.where(returned == 1, price, np.where(goodwill, 0.1 * price, 0.0)), 2)


def cases():
    known, new = np.arange(KNOWN_BRANDS), np.arange(KNOWN_BRANDS, BRANDS)
    X_train, y_train = orders(8000, 1, known)
    X_valid, y_valid = orders(3000, 2, known)
    X_old, y_old = orders(4000, 3, known, settled=False)
    X_new, y_new = orders(4000, 4, new, settled=False)
    X_next = pd.concat([X_old, X_new], ignore_index=True)
    y_next = np.concatenate([y_old, y_new])
    order = np.random.default_rng(6).permutation(len(X_next))
    X_next, y_next = X_next.iloc[order].reset_index(drop=True), y_next[order]
    return [
        Case.of(
            "validation orders of last month's brands",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("ROC AUC", y_valid, roc_auc_score, none_at=0.61, full_at=0.75),
        ),
        Case.of(
            "next month's orders, half from new brands",
            X_train,
            y_train,
            X_next,
            points=4,
            seconds=10,
            metric=Metric("ROC AUC", y_next, roc_auc_score, none_at=0.62, full_at=0.72),
        ),
    ]
