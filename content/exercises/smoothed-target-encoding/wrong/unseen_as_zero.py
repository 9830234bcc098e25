import pandas as pd


def target_encode(train_cat, train_y, test_cat, alpha):
    train = pd.DataFrame({"c": pd.Series(train_cat, dtype=object), "y": pd.Series(train_y, dtype=float)})
    prior = train["y"].mean()
    stats = train.groupby("c")["y"].agg(["sum", "count"])
    encoding = (stats["sum"] + alpha * prior) / (stats["count"] + alpha)
    train_encoded = train["c"].map(encoding).fillna(prior).to_numpy(dtype=float)
    # Missing values get the prior, but a category the training rows never had becomes 0.
    test = pd.Series(test_cat, dtype=object)
    test_encoded = test.map(encoding)
    test_encoded = test_encoded.where(test.notna() | test_encoded.notna(), prior)
    test_encoded = test_encoded.where(test.isna(), test_encoded.fillna(0.0))
    return train_encoded, test_encoded.to_numpy(dtype=float)
