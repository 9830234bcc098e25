import numpy as np
from sklearn.preprocessing import StandardScaler


def standardize(X_train, X_test):
    scaler = StandardScaler()
    z_train = scaler.fit_transform(np.asarray(X_train, dtype=float))
    z_test = scaler.transform(np.asarray(X_test, dtype=float))
    return z_train, z_test
