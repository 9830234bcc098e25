import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import make_pipeline


class TicketRouter:
    """Naive Bayes on word counts, the classic text classifier. On clean web-form tickets it even
    beats the reference, but a word it has never seen counts for nothing: on phone tickets half of
    the words vanish, the prior of the big teams takes over, and the F1 of the security and legal
    teams falls to a third and a fifth."""

    def fit(self, X, y):
        self.pipeline = make_pipeline(CountVectorizer(), MultinomialNB())
        self.pipeline.fit(X["text"], np.asarray(y))
        return self

    def predict(self, X):
        return self.pipeline.predict(X["text"])
