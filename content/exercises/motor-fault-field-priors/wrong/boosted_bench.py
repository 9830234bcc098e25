from sklearn.ensemble import GradientBoostingClassifier


class FaultDiagnoser:
    """A stronger model does not fix the assumption: gradient boosting fitted on the bench and
    its predict(), which still takes each condition to be a quarter of all motors."""

    def fit(self, X, y):
        self.model = GradientBoostingClassifier(n_estimators=50, random_state=0).fit(X, y)
        return self

    def predict(self, X):
        return self.model.predict(X)
