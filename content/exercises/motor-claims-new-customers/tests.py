"""Synthetic motor policies, generated the same way on every machine: each customer holds a
policy for eight years, one row per policy year.

The claim risk of a policy year depends on the driver's age that year, years since the licence,
the kilometres driven, how dense the area is, the make of car, and above all on the customer
(a hidden per-customer propensity that no column measures). The customer's own columns (birth
year, car value, area, make, licence) repeat on all eight rows, so a flexible model can recognise
a customer and look up how often they claimed. The public rows are policy years drawn at random,
so nearly every public customer also has years in training and a memorising forest wins there;
the hidden rows belong to customers never seen in training, which is what a quote for a new
customer is. The labels of the public and hidden rows never leave the parent; the metric is ROC
AUC.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

MAKES = ["renault", "peugeot", "vw", "toyota", "bmw", "fiat", "ford", "kia"]
YEARS = 8


def policies(customers, seed):
    rng = np.random.default_rng(seed)
    birth_year = rng.integers(1950, 2004, customers)
    car_value = np.round(np.exp(rng.normal(9.6, 0.5, customers)), -2)
    density = np.round(rng.lognormal(6.0, 1.0, customers))
    make = rng.choice(MAKES, customers)
    propensity = rng.normal(0.0, 1.8, customers)
    licence_start = birth_year + 18 + rng.integers(0, 10, customers)
    usual_km = np.exp(rng.normal(9.3, 0.4, customers))
    who = np.repeat(np.arange(customers), YEARS)
    year = np.tile(np.arange(2016, 2016 + YEARS), customers)
    n = len(who)
    km = np.round(usual_km[who] * np.exp(rng.normal(0.0, 0.1, n)), -2)
    age = year - birth_year[who]
    licence_years = np.clip(year - licence_start[who], 0, None)
    logit = (
        -2.2
        + 1.6 * (age < 25)
        + 0.8 * (age > 72)
        - 0.04 * licence_years.clip(0, 30)
        + 1.2 * np.log(km / 11000)
        + 0.35 * np.log(density[who] / 400)
        + 0.6 * (make[who] == "bmw")
        + propensity[who]
    )
    claimed = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    frame = pd.DataFrame(
        {
            "policy_year": year,
            "birth_year": birth_year[who],
            "licence_years": licence_years,
            "car_make": make[who],
            "car_value": car_value[who],
            "area_density": density[who],
            "annual_km": km,
        }
    )
    return frame, claimed


def cases():
    X, y = policies(1200, 1)
    shuffled = np.random.default_rng(2).permutation(len(X))
    public, train = np.sort(shuffled[:2000]), np.sort(shuffled[2000:])
    X_new, y_new = policies(1500, 9)

    def rows(index):
        return X.iloc[index].reset_index(drop=True)

    return [
        Case.of(
            "policy years drawn at random",
            rows(train),
            y[train],
            rows(public),
            public=True,
            seconds=10,
            metric=Metric("ROC AUC", y[public], roc_auc_score, none_at=0.64, full_at=0.69),
        ),
        Case.of(
            "customers new to the insurer",
            rows(train),
            y[train],
            X_new,
            points=4,
            seconds=10,
            metric=Metric("ROC AUC", y_new, roc_auc_score, none_at=0.69, full_at=0.71),
        ),
    ]
