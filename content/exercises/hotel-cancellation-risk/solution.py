import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["lead_time_days", "nights", "previous_cancellations", "special_requests"]
CATEGORICAL = ["deposit", "agent"]
# agent_cancel_rate is left out: over last season it averages each booking's own outcome in (for a
# small agent, a large part of the label), while for a new booking it cannot. The agent's real
# effect is learnt from the agent column itself: one indicator per agent under the L2 penalty is a
# target encoding shrunk towards the average, most for the agents with the fewest bookings.


class CancellationModel:
    def fit(self, X, y):
        features = ColumnTransformer(
            [
                ("numbers", StandardScaler(), NUMERIC),
                ("categories", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
            ]
        )
        self.pipeline = make_pipeline(features, LogisticRegression(C=1.0, max_iter=2000))
        self.pipeline.fit(X[NUMERIC + CATEGORICAL], np.asarray(y))
        return self

    def predict(self, X):
        return self.pipeline.predict_proba(X[NUMERIC + CATEGORICAL])[:, 1]
