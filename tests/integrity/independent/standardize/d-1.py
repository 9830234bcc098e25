import numpy as np


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    Xtr = np.asarray(X_train, dtype=float)
    Xte = np.asarray(X_test, dtype=float)
    if Xte.size == 0:
        Xte = Xte.reshape(0, Xtr.shape[1])
    mu = Xtr.mean(axis=0)
    sd = Xtr.std(axis=0)
    sd = np.where(sd == 0, 1.0, sd)
    return (Xtr - mu) / sd, (Xte - mu) / sd
