"""Synthetic vibration measurements of electric motors, generated the same way on every machine.

Each condition (healthy, bearing wear, misalignment, imbalance) shifts the mean of six vibration
features in its own direction, with unit-variance noise, so the conditions overlap. The training
and public rows come from a test bench where each condition was induced on the same number of
motors (a quarter each); the hidden rows are motors in the field, where 94% are healthy, 3% have
worn bearings, 2% are misaligned and 1% unbalanced. The most likely condition of a motor depends on
those shares: a classifier fitted on the bench gives each fault a prior of a quarter, calls many
healthy motors faulty, and scores below 'always healthy' in the field while it beats a
prior-corrected model on the bench. The metric is accuracy; labels of the public and hidden rows
never leave the parent.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score

from mlinterview.exercises import Case
from mlinterview.exercises.model import Metric

COLUMNS = ["rms_velocity", "kurtosis", "crest_factor", "peak_1x", "peak_2x", "high_freq_energy"]
BENCH = [0.25, 0.25, 0.25, 0.25]
FIELD = [0.94, 0.03, 0.02, 0.01]
SHIFT = 1.8 * np.array(
    [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],  # healthy
        [0.6, 1.5, 1.0, 0.0, 0.0, 1.4],  # bearing wear: impulsive, high-frequency
        [0.8, 0.0, 0.3, 0.5, 1.4, 0.0],  # misalignment: twice the running speed
        [1.0, 0.0, 0.0, 1.5, 0.3, 0.0],  # imbalance: at the running speed
    ]
)


def motors(n, seed, shares):
    rng = np.random.default_rng(seed)
    condition = rng.choice(len(shares), n, p=shares)
    values = SHIFT[condition] + rng.normal(0.0, 1.0, (n, len(COLUMNS)))
    return pd.DataFrame(values.round(3), columns=COLUMNS), condition


def cases():
    X_train, y_train = motors(2000, 1, BENCH)
    X_valid, y_valid = motors(800, 2, BENCH)
    X_field, y_field = motors(3000, 3, FIELD)
    return [
        Case.of(
            "validation motors from the test bench",
            X_train,
            y_train,
            X_valid,
            public=True,
            seconds=10,
            metric=Metric("accuracy", y_valid, accuracy_score, none_at=0.3, full_at=0.7),
        ),
        Case.of(
            "motors in the field",
            X_train,
            y_train,
            X_field,
            points=4,
            seconds=10,
            metric=Metric("accuracy", y_field, accuracy_score, none_at=0.945, full_at=0.965),
        ),
    ]
