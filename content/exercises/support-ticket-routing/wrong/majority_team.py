import numpy as np


class TicketRouter:
    """Everything to the busiest team: right for a third of the tickets, and an F1 of zero for
    five teams out of six."""

    def fit(self, X, y):
        self.team = int(np.bincount(np.asarray(y)).argmax())
        return self

    def predict(self, X):
        return np.full(len(X), self.team)
