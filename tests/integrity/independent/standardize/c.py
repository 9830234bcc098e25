import numpy as np


class Scaler:
    def fit(self, data):
        data = np.asarray(data, float)
        self.center_ = data.mean(0)
        spread = data.std(0)
        self.scale_ = np.where(spread > 0, spread, 1.0)
        return self

    def transform(self, data):
        return (np.asarray(data, float) - self.center_) / self.scale_


def standardize(X_train, X_test):
    scaler = Scaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test)
