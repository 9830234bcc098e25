"""Every exercise, judged for real in the sandbox: references score 100%, wrong solutions do not, and
the hidden tests hold the edge cases each statement promises."""

from __future__ import annotations

import copy
import math
import shutil
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd
import pytest

from mlinterview.exercises import load_exercises
from mlinterview.exercises.model import Case, load_exercise
from mlinterview.exercises.selfcheck import _load, _passes, check_exercise
from tests.exercises.conftest import judge_side_by_side

pytestmark = pytest.mark.sandbox
SLUGS = [e.slug for e in load_exercises()]
ANSWER_REASONS = ("wrong value", "wrong shape", "wrong type", "expected an exception", "raised ")


def test_there_are_at_least_fifteen_exercises():
    assert len(SLUGS) >= 15, SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_content_checks_out_without_the_sandbox(exercises, slug):
    assert check_exercise(exercises[slug]) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_the_reference_scores_full_marks_in_the_sandbox(judge, exercises, slug):
    exercise = exercises[slug]
    result = judge.judge(exercise, exercise.solution_source)
    failures = [(t.name, t.message) for t in result.tests if not t.passed]
    assert result.score == 1.0, (result.verdict, result.message, failures)
    assert result.verdict == "ok" and result.sandboxed
    assert [t.name for t in result.tests] == [c.name for c in exercise.cases]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_wrong_solution_fails_a_hidden_test_in_the_sandbox(judge, exercises, slug):
    """Each wrong solution runs to the end (verdict ok: it is judged on its answers, not stopped by a
    limit or a broken sandbox), fails at least one hidden test because of its answer, and fails
    exactly the hidden tests that the sandbox-free self-check says it fails."""
    exercise = exercises[slug]
    assert len(exercise.wrong) >= 2
    hidden = [c for c in exercise.cases if not c.public]
    # The wrong solutions are judged side by side: the sandbox has two slots and the judge is
    # thread-safe (a hundred exercises, three wrong solutions each, add up).
    judged = judge_side_by_side(judge, exercise, list(exercise.wrong.values()))
    results = dict(zip(exercise.wrong, judged, strict=True))
    for name, source in exercise.wrong.items():
        result = results[name]
        assert result.verdict == "ok" and result.sandboxed, (name, result.message)
        failed = {t.name: t for t in result.tests if not t.public and not t.passed}
        assert failed, f"wrong solution {name} passes every hidden test"
        metrics = {c.name: c.metric for c in hidden if c.metric is not None}
        for test in failed.values():
            if test.name in metrics:  # a modelling test: judged by the metric of its predictions
                assert test.message.startswith(metrics[test.name].name + " "), (name, test.message)
                assert test.points < test.max_points, (name, test)
            else:
                assert test.message.startswith(ANSWER_REASONS), (name, test.message)
                assert test.points == 0, (name, test)
        assert result.score < 1.0
        function = _load(source, f"wrong_{name}", exercise.function)
        expected_failures = {c.name for c in hidden if not _passes(exercise, function, c)[0]}
        assert set(failed) == expected_failures, name


# -- the edge cases each statement promises, found in the hidden tests' actual inputs -----------------
def _size(value: Any) -> int:
    return int(value.size) if isinstance(value, (np.ndarray, pd.DataFrame)) else len(value)


def _flat(value: Any) -> list[Any]:
    if isinstance(value, pd.DataFrame):
        return [v for column in value.columns for v in value[column].tolist()]
    return np.asarray(value, dtype=object).ravel().tolist()


def _empty(i: int) -> Callable[[Case], bool]:
    return lambda case: _size(case.args[i]) == 0


def _one_row(i: int) -> Callable[[Case], bool]:
    return lambda case: len(case.args[i]) == 1


def _all_equal(i: int) -> Callable[[Case], bool]:
    return lambda case: len(case.args[i]) >= 2 and len({repr(v) for v in _flat(case.args[i])}) == 1


def _non_finite(i: int) -> Callable[[Case], bool]:
    return lambda case: any(isinstance(v, float) and not math.isfinite(v) for v in _flat(case.args[i]))


def _refused(condition: Callable[[Case], bool], error: str = "ValueError") -> Callable[[Case], bool]:
    return lambda case: case.raises == error and condition(case)


def _answered(condition: Callable[[Case], bool]) -> Callable[[Case], bool]:
    return lambda case: case.raises is None and condition(case)


def _args(condition: Callable[..., bool]) -> Callable[[Case], bool]:
    return lambda case: bool(condition(*copy.deepcopy(case.args)))


def _class_tie(y: Any, scores: Any) -> bool:
    positives = {s for label, s in zip(y, scores, strict=True) if label}
    negatives = {s for label, s in zip(y, scores, strict=True) if not label}
    return bool(positives & negatives)


def _equidistant_point(X: Any, centroids: Any) -> bool:
    X, centroids = np.asarray(X, dtype=float), np.asarray(centroids, dtype=float)
    if not len(X) or not len(centroids):
        return False
    distances = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return bool(np.any((distances == distances.min(axis=1, keepdims=True)).sum(axis=1) > 1))


def _centroid_without_points(X: Any, centroids: Any) -> bool:
    X, centroids = np.asarray(X, dtype=float), np.asarray(centroids, dtype=float)
    if not len(X) or not len(centroids):
        return False
    nearest = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    return len(set(nearest.tolist())) < len(centroids)


def _half_rounds_up(y: Any, fraction: float, _seed: int) -> bool:
    return any((fraction * n) % 1 == 0.5 for n in Counter(_flat(y)).values())


def _class_sends_none_to_test(y: Any, fraction: float, _seed: int) -> bool:
    return any(fraction * n < 0.5 for n in Counter(_flat(y)).values())


def _team_without_salary(df: pd.DataFrame) -> bool:
    return bool(len(df)) and bool(df.groupby("team")["salary"].count().eq(0).any())


def _column_missing_in_train(X_train: Any, _X_test: Any, _strategy: str) -> bool:
    X_train = np.asarray(X_train, dtype=float)
    return bool(len(X_train)) and bool(np.isnan(X_train).all(axis=0).any())


def _even_median(X_train: Any, _X_test: Any, strategy: str) -> bool:
    known = (~np.isnan(np.asarray(X_train, dtype=float))).sum(axis=0)
    return strategy == "median" and bool(np.any((known > 0) & (known % 2 == 0)))


def _constant_column(X_train: Any, _X_test: Any) -> bool:
    X_train = np.asarray(X_train, dtype=float)
    return len(X_train) >= 2 and bool(np.any(X_train.std(axis=0) == 0))


def _collinear(X: Any, _y: Any, _alpha: float) -> bool:
    X = np.asarray(X, dtype=float)
    return len(X) >= X.shape[1] and np.linalg.matrix_rank(X) < X.shape[1]


def _largest_score(w: Any, b: float, X: Any, _y: Any, _lr: float) -> float:
    X = np.asarray(X, dtype=float)
    return float(np.abs(X @ np.asarray(w, dtype=float) + b).max()) if len(X) else 0.0


EXP_OVERFLOWS = 709.8  # math.exp of anything larger overflows a float


def _from_scratch_gini_tie(x: Any, y: Any) -> bool:
    """Two candidate thresholds of gini-best-split share the lowest weighted impurity."""
    x, y = np.asarray(x, dtype=float), np.asarray(y)
    values = np.unique(x)
    scores = []
    for t in (values[:-1] + values[1:]) / 2:
        score = 0.0
        for side in (x <= t, x > t):
            _, counts = np.unique(y[side], return_counts=True)
            score += side.mean() * (1 - np.sum((counts / counts.sum()) ** 2))
        scores.append(score)
    return len(scores) >= 2 and sum(s <= min(scores) + 1e-12 for s in scores) >= 2


def _knn_neighbours(X_train: Any, X_query: Any) -> list[tuple[np.ndarray, np.ndarray]]:
    X_train, X_query = np.asarray(X_train, dtype=float), np.asarray(X_query, dtype=float)
    result = []
    for q in X_query:
        distances = np.sqrt(((X_train - q) ** 2).sum(axis=1))
        result.append((distances, np.argsort(distances, kind="stable")))
    return result


def _knn_kth_place_shared(X_train: Any, _y: Any, X_query: Any, k: int) -> bool:
    return any(
        k < len(order) and distances[order[k - 1]] == distances[order[k]]
        for distances, order in _knn_neighbours(X_train, X_query)
    )


def _knn_vote_tie(X_train: Any, y_train: Any, X_query: Any, k: int) -> bool:
    y_train = np.asarray(y_train)
    for _, order in _knn_neighbours(X_train, X_query):
        counts = np.unique(y_train[order[:k]], return_counts=True)[1]
        if (counts == counts.max()).sum() > 1:
            return True
    return False


def _pca_sign_flipped(X: Any, k: int) -> bool:
    X = np.asarray(X, dtype=float)
    Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)[2][:k]
    return bool(np.any(Vt[np.arange(len(Vt)), np.abs(Vt).argmax(axis=1)] < 0))


def _word_unseen_in_a_class(X_train: Any, y_train: Any, _X_test: Any, _alpha: float) -> bool:
    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train)
    return any(np.any(X_train[y_train == c].sum(axis=0) == 0) for c in np.unique(y_train))


def _on_inner_bin_edge(probs: Any, _labels: Any, n_bins: int) -> bool:
    scaled = np.asarray(probs, dtype=float) * n_bins
    return bool(np.any((scaled > 0) & (scaled < n_bins) & (scaled % 1 == 0)))


def _empty_bins(probs: Any, _labels: Any, n_bins: int) -> bool:
    bins = np.minimum(np.floor(np.asarray(probs, dtype=float) * n_bins), n_bins - 1)
    return len(set(bins.tolist())) < n_bins


def _conv_leftover(x: Any, w: Any, _b: Any, stride: int, padding: int) -> bool:
    (_, _, h, width), (_, _, kh, kw) = np.shape(x), np.shape(w)
    return (h + 2 * padding - kh) % stride != 0 or (width + 2 * padding - kw) % stride != 0


def _user_with_only_nan_amounts(users: pd.DataFrame, orders: pd.DataFrame) -> bool:
    mine = orders[orders["user_id"].isin(users["user_id"])]
    return bool(len(mine)) and bool(mine["amount"].isna().groupby(mine["user_id"]).all().any())


def _latest_time_shared(df: pd.DataFrame) -> bool:
    known = df.dropna(subset=["updated_at"])
    latest = known.groupby("id")["updated_at"].transform("max")
    return bool((known["updated_at"] == latest).groupby(known["id"]).sum().gt(1).any())


def _country_without_buyers(users: list, events: list) -> bool:
    buyers = {user for user, event in events if event == "purchase"}
    countries = {country for _, country in users}
    return any(all(u not in buyers for u, c in users if c == country) for country in countries)


def _account_opens_with_null(rows: list) -> bool:
    first: dict = {}
    for _txn, account, _day, amount in sorted(rows, key=lambda r: (r[1], r[2], r[0])):
        first.setdefault(account, amount)
    return any(amount is None for amount in first.values())


def _in_both(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    return a[["id", "amount"]].merge(b[["id", "amount"]], on="id", suffixes=("_a", "_b"))


# -- the algorithms exercises
def _has_tie_at_cut(scored, k):
    ranked = sorted((s for _, s in scored), reverse=True)
    return 0 < k < len(ranked) and ranked[k - 1] == ranked[k]


def _touching(intervals):
    ends = {e for _, e in intervals}
    return any(s in ends for s, _ in intervals)


def _repeated_index(ai, av, bi, bv):
    return len(set(ai)) < len(ai) or len(set(bi)) < len(bi)


def _equal_times_across_shards(shards):
    seen = [set(t for t, _ in shard) for shard in shards]
    return any(seen[i] & seen[j] for i in range(len(seen)) for j in range(i + 1, len(seen)))


def _budget_met_exactly(scores, candidates, max_fpr):
    n = len(scores)
    return any(sum(s >= t for s in scores) / n == max_fpr for t in candidates)


EDGE_CASES: dict[str, dict[str, Callable[[Case], bool]]] = {
    "bootstrap-ci": {
        "no values, refused": _refused(_empty(0)),
        "NaN or infinity, refused": _refused(_non_finite(0)),
        "a single value": _answered(_one_row(0)),
        "fewer than one resample, refused": _refused(_args(lambda v, n, c, s: n < 1)),
        "confidence of one, refused": _refused(_args(lambda v, n, c, s: c >= 1)),
    },
    "confusion-matrix": {
        "empty without labels": _args(lambda t, p, *labels: len(t) == 0 and not labels),
        "empty with labels": _args(lambda t, p, *labels: len(t) == 0 and bool(labels)),
        "a single class": _answered(_all_equal(0)),
        "given labels drop other values": _args(
            lambda t, p, *labels: bool(labels) and bool((set(t) | set(p)) - set(labels[0]))
        ),
        "lengths differ, refused": _refused(_args(lambda t, p, *labels: len(t) != len(p))),
    },
    "groupby-summary": {
        "no rows": _empty(0),
        "one row": _one_row(0),
        "a team with no known salary": _args(_team_without_salary),
        "NaN salaries among known ones": _non_finite(0),
    },
    "kfold-indices": {
        "leave one out (k = n)": _answered(_args(lambda n, k: n == k)),
        "a remainder to spread": _answered(_args(lambda n, k: n % k != 0)),
        "k below two, refused": _refused(_args(lambda n, k: k < 2)),
        "more folds than samples, refused": _refused(_args(lambda n, k: k > n)),
    },
    "kmeans-step": {
        "no points": _answered(_empty(0)),
        "a point equidistant from two centroids": _answered(_args(_equidistant_point)),
        "a centroid that gets no points": _answered(_args(_centroid_without_points)),
        "no centroids, refused": _refused(_empty(1)),
        "column counts differ, refused": _refused(
            _args(lambda X, c: np.asarray(X).shape[1:] != np.asarray(c).shape[1:])
        ),
    },
    "logistic-gradient-step": {
        "a single sample": _answered(_one_row(2)),
        "scores where exp overflows": _answered(_args(lambda *a: _largest_score(*a) > EXP_OVERFLOWS)),
        "labels of one class": _answered(_all_equal(3)),
        "no rows, refused": _refused(_empty(2)),
    },
    "one-hot-unseen": {
        "no values to encode": _empty(1),
        "no training values": _empty(0),
        "every value unseen": _args(lambda train, values: len(values) > 0 and not set(values) & set(train)),
    },
    "precision-recall-f1": {
        "empty input": _empty(0),
        "NaN scores": _non_finite(1),
        "a score equal to the threshold": _args(lambda y, s, t: t in list(s)),
        "no actual positives": _args(lambda y, s, t: len(y) > 0 and not any(y)),
        "no predicted positives": _args(lambda y, s, t: len(y) > 0 and not any(v >= t for v in s)),
    },
    "ridge-closed-form": {
        "a single sample": _answered(_one_row(0)),
        "collinear features": _answered(_args(_collinear)),
        "alpha of zero": _answered(_args(lambda X, y, alpha: alpha == 0)),
        "negative alpha, refused": _refused(_args(lambda X, y, alpha: alpha < 0)),
        "no samples, refused": _refused(_empty(0)),
        "y of another length, refused": _refused(_args(lambda X, y, alpha: len(X) != len(y))),
    },
    "roc-auc": {
        "a score shared by a positive and a negative": _answered(_args(_class_tie)),
        "all scores tied": _answered(_all_equal(1)),
        "one class only, refused": _refused(_all_equal(0)),
        "empty input, refused": _refused(_empty(0)),
    },
    "churn-model": {
        "a plan not seen in training": _args(
            lambda X_train, y_train, X_test: bool(set(X_test["plan"]) - set(X_train["plan"]))
        ),
        "a column filled in only after the outcome": _args(
            lambda X_train, y_train, X_test: (
                bool((X_train["refund_issued"] == y_train).all()) and not X_test["refund_issued"].any()
            )
        ),
    },
    "store-sales-forecast": {
        "only weeks after the last training week": _args(lambda X, y, T: T["week"].min() > X["week"].max()),
        "a right-skewed target": _args(lambda X, y, T: np.mean(y) > 1.3 * np.median(y)),
    },
    "card-fraud-alerts": {
        "about 2% positives": _args(lambda X, y, T: 0.01 <= np.mean(y) <= 0.03),
    },
    "product-returns-new-brands": {
        "brands not seen in training": _args(lambda X, y, T: T["brand"].isin(set(X["brand"])).mean() < 0.6),
    },
    "motor-claims-new-customers": {
        "customers not seen in training": _args(
            lambda X, y, T: (
                not set(zip(T["birth_year"], T["car_value"], T["area_density"], strict=True))
                & set(zip(X["birth_year"], X["car_value"], X["area_density"], strict=True))
            )
        ),
    },
    "loan-default-probability": {
        "defaults rarer than one in ten": _args(lambda X, y, T: np.mean(y) < 0.1),
    },
    "series-or-frame": {
        "a name given as a string": _answered(_args(lambda df, columns: isinstance(columns, str))),
        "an empty list": _answered(_args(lambda df, columns: columns == [])),
        "a frame with no rows": _answered(_args(lambda df, columns: len(df) == 0)),
        "a missing name, refused": _refused(_args(lambda df, columns: True), "KeyError"),
    },
    "softmax-cross-entropy": {
        "logits where exp overflows": _answered(
            _args(lambda logits, labels: np.abs(np.asarray(logits)).max() > EXP_OVERFLOWS)
        ),
        "a single class": _answered(_args(lambda logits, labels: np.asarray(logits).shape[1] == 1)),
        "no rows, refused": _refused(_empty(0)),
        "a label out of range, refused": _refused(
            _args(lambda logits, labels: any(not 0 <= v < np.asarray(logits).shape[1] for v in labels))
        ),
    },
    "standardize": {
        "a constant training column": _args(_constant_column),
        "a single training row": _one_row(0),
        "an empty test set": _empty(1),
    },
    "stratified-split": {
        "empty input": _answered(_empty(0)),
        "a single class": _answered(_all_equal(0)),
        "a half that rounds up": _answered(_args(_half_rounds_up)),
        "a class that sends nobody to test": _answered(_args(_class_sends_none_to_test)),
        "a fraction outside (0, 1), refused": _refused(_args(lambda y, f, s: not 0 < f < 1)),
    },
    "train-only-imputation": {
        "a column missing everywhere in train": _answered(_args(_column_missing_in_train)),
        "a median of an even count": _answered(_args(_even_median)),
        "an empty test set": _answered(_empty(1)),
        "an unknown strategy, refused": _refused(_args(lambda a, b, s: s not in ("mean", "median"))),
    },
    "order-totals-no-blowup": {
        "no users": _empty(0),
        "no orders": _empty(1),
        "a user listed on several rows": _args(lambda u, o: bool(u["user_id"].duplicated().any())),
        "a user without orders": _args(
            lambda u, o: bool(len(u)) and not u["user_id"].isin(o["user_id"]).all()
        ),
        "an order of a user not in users": _args(lambda u, o: not o["user_id"].isin(u["user_id"]).all()),
        "a user whose amounts are all NaN": _args(_user_with_only_nan_amounts),
    },
    "time-cutoff-split": {
        "no rows": _empty(0),
        "a single row": _one_row(0),
        "rows dated on the cutoff": _args(lambda df, cutoff: bool((df["date"] == cutoff).any())),
        "an unknown date": _args(lambda df, cutoff: bool(df["date"].isna().any())),
        "several rows sharing a date": _args(lambda df, cutoff: bool(df["date"].dropna().duplicated().any())),
        "nothing before the cutoff": _args(
            lambda df, cutoff: bool(len(df)) and not (df["date"].dropna() < cutoff).any()
        ),
        "nothing on or after the cutoff": _args(
            lambda df, cutoff: bool(len(df)) and not (df["date"].dropna() >= cutoff).any()
        ),
    },
    "past-only-window-features": {
        "no rows": _empty(0),
        "a single row": _one_row(0),
        "a NaN value": _non_finite(0),
        "a window of one": _args(lambda df, window: window == 1),
        "an entity with more rows than the window": _args(
            lambda df, window: bool(len(df)) and df.groupby("entity").size().max() > window
        ),
        "rows out of time order, entities interleaved": _args(
            lambda df, window: list(df["entity"]) != sorted(df["entity"]) and df["entity"].nunique() > 1
        ),
    },
    "dedupe-latest-record": {
        "no rows": _empty(0),
        "a single row": _one_row(0),
        "an id whose latest time is shared by two rows": _args(_latest_time_shared),
        "an id whose times are all unknown": _args(
            lambda df: bool(len(df)) and bool(df["updated_at"].isna().groupby(df["id"]).all().any())
        ),
        "an unknown time beside a known one": _args(
            lambda df: (
                bool(len(df))
                and bool(
                    df["updated_at"].isna().groupby(df["id"]).agg(lambda s: s.any() and not s.all()).any()
                )
            )
        ),
    },
    "sql-top-n-per-group": {
        "no rows": _empty(0),
        "a NULL revenue": _args(lambda rows, n: any(r[2] is None for r in rows)),
        "a category with only NULL revenues": _args(
            lambda rows, n: any(all(r[2] is None for r in rows if r[0] == c) for c, _, _ in rows)
        ),
        "equal revenues in a category": _args(
            lambda rows, n: (
                len({(r[0], r[2]) for r in rows if r[2] is not None}) < sum(r[2] is not None for r in rows)
            )
        ),
        "n above a category's size": _args(
            lambda rows, n: any(sum(r[0] == c for r in rows) < n for c, _, _ in rows)
        ),
        "a single category": _args(lambda rows, n: len({r[0] for r in rows}) == 1),
    },
    "sql-left-join-conversion": {
        "no users": _empty(0),
        "no events": _empty(1),
        "a user without a country": _args(lambda users, events: any(c is None for _, c in users)),
        "an event without a user": _args(lambda users, events: any(u is None for u, _ in events)),
        "a country without buyers": _args(_country_without_buyers),
        "a buyer with several purchases": _args(
            lambda users, events: any(
                n > 1
                for n in Counter(
                    u for u, e in events if e == "purchase" and u in {i for i, _ in users}
                ).values()
            )
        ),
    },
    "sql-running-balance": {
        "no rows": _empty(0),
        "a single row": _one_row(0),
        "a NULL amount": _args(lambda rows: any(r[3] is None for r in rows)),
        "an account that opens with a NULL amount": _args(_account_opens_with_null),
        "several transactions of an account on one day": _args(
            lambda rows: len({(r[1], r[2]) for r in rows}) < len(rows)
        ),
        "several accounts": _args(lambda rows: len({r[1] for r in rows}) > 1),
    },
    "smoothed-target-encoding": {
        "a single training row": _one_row(0),
        "an empty test set": _empty(2),
        "alpha of zero": _args(lambda cat, y, test, alpha: alpha == 0),
        "a missing value in train": _args(lambda cat, y, test, alpha: None in cat),
        "a missing value in test": _args(lambda cat, y, test, alpha: None in test),
        "a test category unseen in training": _args(
            lambda cat, y, test, alpha: any(v is not None and v not in cat for v in test)
        ),
    },
    "reconcile-two-sources": {
        "both sources empty": _args(lambda a, b: len(a) == 0 and len(b) == 0),
        "one source empty": _args(lambda a, b: (len(a) == 0) != (len(b) == 0)),
        "no ids in common": _args(lambda a, b: bool(len(a) and len(b)) and not set(a["id"]) & set(b["id"])),
        "an id in both with NaN on one side": _args(
            lambda a, b: bool((_in_both(a, b)[["amount_a", "amount_b"]].isna().sum(axis=1) == 1).any())
        ),
        "an id in both with NaN on both sides": _args(
            lambda a, b: bool(_in_both(a, b)[["amount_a", "amount_b"]].isna().all(axis=1).any())
        ),
        "a difference under half a cent": _args(
            lambda a, b: bool(
                (lambda d: ((d > 0) & (d < 0.005)).any())(
                    (_in_both(a, b)["amount_a"] - _in_both(a, b)["amount_b"]).abs()
                )
            )
        ),
    },
    "long-to-wide-features": {
        "no rows": _empty(0),
        "a single row": _one_row(0),
        "a repeated (user, feature) pair": _args(
            lambda df: bool(df.duplicated(["user_id", "feature"]).any())
        ),
        "a feature with only NaN values": _args(
            lambda df: bool(len(df)) and bool(df["value"].isna().groupby(df["feature"]).all().any())
        ),
        "a user with only NaN values": _args(
            lambda df: bool(len(df)) and bool(df["value"].isna().groupby(df["user_id"]).all().any())
        ),
    },
    "adam-step": {
        "a zero gradient": _answered(_args(lambda p, g, m, v, *rest: np.size(g) > 0 and not np.any(g))),
        "a step after the first": _answered(_args(lambda p, g, m, v, t, *rest: t > 1)),
        "no parameters": _answered(_empty(0)),
        "a step below one, refused": _refused(_args(lambda p, g, m, v, t, *rest: t < 1)),
        "shapes differ, refused": _refused(
            _args(lambda p, g, m, v, *rest: not np.shape(p) == np.shape(g) == np.shape(m) == np.shape(v))
        ),
    },
    "batch-norm-train-eval": {
        "evaluation mode": _answered(_args(lambda x, g, b, rm, rv, training, *rest: not training)),
        "a constant feature in training": _answered(
            _args(lambda x, g, b, rm, rv, training, *rest: training and bool(np.any(np.ptp(x, axis=0) == 0)))
        ),
        "an empty batch in evaluation": _answered(
            _args(lambda x, g, b, rm, rv, training, *rest: not training and len(x) == 0)
        ),
        "a single sample in training, refused": _refused(
            _args(lambda x, g, b, rm, rv, training, *rest: training and len(x) == 1)
        ),
        "a vector of another length, refused": _refused(
            _args(lambda x, g, b, rm, rv, *rest: any(len(a) != np.shape(x)[1] for a in (g, b, rm, rv)))
        ),
    },
    "conv2d-forward": {
        "a kernel that a flip changes": _answered(
            _args(lambda x, w, b, s, p: not np.array_equal(w, np.asarray(w)[:, :, ::-1, ::-1]))
        ),
        "zero padding": _answered(_args(lambda x, w, b, s, p: p > 0)),
        "a stride that leaves rows or columns unused": _answered(_args(_conv_leftover)),
        "an empty batch": _answered(_empty(0)),
        "channel counts differ, refused": _refused(
            _args(lambda x, w, b, s, p: np.shape(x)[1] != np.shape(w)[1])
        ),
        "a kernel larger than the input, refused": _refused(
            _args(lambda x, w, b, s, p: np.shape(w)[2] > np.shape(x)[2] + 2 * p)
        ),
        "a stride below one, refused": _refused(_args(lambda x, w, b, s, p: s < 1)),
    },
    "expected-calibration-error": {
        "a probability on an inner bin edge": _answered(_args(_on_inner_bin_edge)),
        "a probability of one": _answered(_args(lambda probs, labels, n_bins: 1.0 in list(probs))),
        "empty bins": _answered(_args(_empty_bins)),
        "a single bin": _answered(_args(lambda probs, labels, n_bins: n_bins == 1)),
        "a single sample": _answered(_one_row(0)),
        "no samples, refused": _refused(_empty(0)),
        "no bins, refused": _refused(_args(lambda probs, labels, n_bins: n_bins < 1)),
        "a probability outside [0, 1], refused": _refused(
            _args(lambda probs, labels, n_bins: any(not 0 <= p <= 1 for p in probs))
        ),
        "a label other than 0 or 1, refused": _refused(
            _args(lambda probs, labels, n_bins: any(v not in (0, 1) for v in labels))
        ),
    },
    "gini-best-split": {
        "two thresholds tie": _answered(_args(_from_scratch_gini_tie)),
        "a single class": _answered(_all_equal(1)),
        "repeated feature values": _answered(_args(lambda x, y: 2 <= len(set(x)) < len(x))),
        "one distinct value (no candidate)": _answered(_args(lambda x, y: len(x) > 0 and len(set(x)) == 1)),
        "no samples, refused": _refused(_empty(0)),
        "lengths differ, refused": _refused(_args(lambda x, y: len(x) != len(y))),
    },
    "inverted-dropout": {
        "evaluation mode": _answered(_args(lambda x, mask, p, up, training: not training)),
        "p of zero in training": _answered(_args(lambda x, mask, p, up, training: training and p == 0)),
        "every unit dropped": _answered(
            _args(lambda x, mask, p, up, training: training and np.size(mask) > 0 and not np.any(mask))
        ),
        "no elements": _answered(_empty(0)),
        "p outside [0, 1), refused": _refused(_args(lambda x, mask, p, up, training: not 0 <= p < 1)),
        "a mask of another shape, refused": _refused(
            _args(lambda x, mask, p, up, training: np.shape(mask) != np.shape(x))
        ),
    },
    "knn-classify-ties": {
        "a distance tie at the k-th place": _answered(_args(_knn_kth_place_shared)),
        "a vote tie": _answered(_args(_knn_vote_tie)),
        "a single class": _answered(_all_equal(1)),
        "k equal to the training size": _answered(_args(lambda X, y, Q, k: k == len(X))),
        "no queries": _answered(_empty(2)),
        "k below one, refused": _refused(_args(lambda X, y, Q, k: k < 1)),
        "k above the training size, refused": _refused(_args(lambda X, y, Q, k: k > len(X))),
        "query columns differ, refused": _refused(_args(lambda X, y, Q, k: np.shape(Q)[1] != np.shape(X)[1])),
    },
    "multinomial-naive-bayes": {
        "a single class": _answered(_all_equal(1)),
        "a word never seen in a class": _answered(_args(_word_unseen_in_a_class)),
        "documents long enough for exp to underflow": _answered(
            _args(lambda X, y, T, alpha: len(T) > 0 and np.asarray(T).sum(axis=1).max() >= 1000)
        ),
        "an empty test document": _answered(
            _args(lambda X, y, T, alpha: len(T) > 0 and bool(np.any(np.asarray(T).sum(axis=1) == 0)))
        ),
        "no test documents": _answered(_empty(2)),
        "alpha of zero, refused": _refused(_args(lambda X, y, T, alpha: alpha <= 0)),
        "no training documents, refused": _refused(_empty(0)),
        "a negative count, refused": _refused(_args(lambda X, y, T, alpha: bool(np.any(np.asarray(X) < 0)))),
        "test columns differ, refused": _refused(
            _args(lambda X, y, T, alpha: np.shape(T)[1] != np.shape(X)[1])
        ),
    },
    "pca-svd": {
        "a component whose sign must be flipped": _answered(_args(_pca_sign_flipped)),
        "a constant column": _answered(_args(lambda X, k: bool(np.any(np.ptp(X, axis=0) == 0)))),
        "more features than samples": _answered(_args(lambda X, k: np.shape(X)[1] > len(X))),
        "every component kept": _answered(_args(lambda X, k: k == min(np.shape(X)))),
        "a single sample, refused": _refused(_one_row(0)),
        "all rows equal, refused": _refused(_args(lambda X, k: len(X) > 1 and np.ptp(X, axis=0).max() == 0)),
        "k outside 1 .. min(n, d), refused": _refused(_args(lambda X, k: not 1 <= k <= min(np.shape(X)))),
    },
    "precision-ndcg-at-k": {
        "equal scores": _answered(_args(lambda s, r, k: len(set(s)) < len(s))),
        "k larger than the list": _answered(_args(lambda s, r, k: k > len(s) > 0)),
        "no relevant items": _answered(_args(lambda s, r, k: len(r) > 0 and not any(r))),
        "an empty list": _answered(_empty(0)),
        "k below one, refused": _refused(_args(lambda s, r, k: k < 1)),
        "lengths differ, refused": _refused(_args(lambda s, r, k: len(s) != len(r))),
        "negative relevance, refused": _refused(_args(lambda s, r, k: any(v < 0 for v in r))),
    },
    "top-k-heap": {
        "a tie at the cutoff": _answered(_args(_has_tie_at_cut)),
        "k larger than the list": _answered(_args(lambda scored, k: k > len(scored) > 0)),
        "k of zero": _answered(_args(lambda scored, k: k == 0)),
        "no items": _answered(_empty(0)),
        "negative k, refused": _refused(_args(lambda scored, k: k < 0)),
    },
    "merge-intervals": {
        "touching intervals": _answered(_args(_touching)),
        "nested intervals": _answered(
            _args(lambda iv: any(a[0] < b[0] and b[1] < a[1] for a in iv for b in iv))
        ),
        "duplicates": _answered(_args(lambda iv: len({tuple(x) for x in iv}) < len(iv))),
        "empty input": _answered(_empty(0)),
        "start after end, refused": _refused(_args(lambda iv: any(s > e for s, e in iv))),
    },
    "sliding-window-max": {
        "window of one": _answered(_args(lambda v, k: k == 1)),
        "window longer than the list": _answered(_args(lambda v, k: k > len(v) > 0)),
        "empty list": _answered(_empty(0)),
        "repeated maxima": _answered(_args(lambda v, k: len(v) > len(set(v)))),
        "k below one, refused": _refused(_args(lambda v, k: k < 1)),
    },
    "rolling-median": {
        "even window": _answered(_args(lambda v, k: k % 2 == 0 and k <= len(v))),
        "window longer than the list": _answered(_args(lambda v, k: k > len(v) > 0)),
        "empty list": _answered(_empty(0)),
        "k below one, refused": _refused(_args(lambda v, k: k < 1)),
    },
    "reservoir-sampling": {
        "stream shorter than k": _answered(_args(lambda s, k, seed: 0 < len(s) < k)),
        "stream exactly k long": _answered(_args(lambda s, k, seed: len(s) == k)),
        "k of zero": _answered(_args(lambda s, k, seed: k == 0)),
        "empty stream": _answered(_empty(0)),
        "repeated items": _answered(_args(lambda s, k, seed: len(set(s)) < len(s) and len(s) > k)),
        "negative k, refused": _refused(_args(lambda s, k, seed: k < 0)),
    },
    "welford-running-variance": {
        "one value": _one_row(0),
        "empty stream": _empty(0),
        "constant values": _all_equal(0),
        "values far from zero": _args(lambda v: len(v) > 1 and min(v) > 1e8),
    },
    "lru-cache": {
        "capacity zero": _answered(_args(lambda c, ops: c == 0)),
        "an update of a present key": _answered(
            _args(
                lambda c, ops: any(
                    o[0] == "put" and ["put", o[1]] in [p[:2] for p in ops[:i]] for i, o in enumerate(ops)
                )
            )
        ),
        "a get of a missing key": _answered(_args(lambda c, ops: bool(ops) and ops[0][0] == "get")),
        "no operations": _answered(_empty(1)),
        "negative capacity, refused": _refused(_args(lambda c, ops: c < 0)),
    },
    "pipeline-topological-order": {
        "steps without dependencies": _answered(
            _args(lambda steps, deps: any(s not in {x for d in deps for x in d} for s in steps))
        ),
        "repeated dependencies": _answered(
            _args(lambda steps, deps: len({tuple(d) for d in deps}) < len(deps))
        ),
        "no steps": _answered(_empty(0)),
        "a cycle, refused": _refused(
            _args(lambda steps, deps: any(tuple(d)[::-1] in {tuple(x) for x in deps} for d in deps))
        ),
        "a self-dependency, refused": _refused(_args(lambda steps, deps: any(a == b for a, b in deps))),
        "an unknown step, refused": _refused(
            _args(lambda steps, deps: any(x not in steps for d in deps for x in d))
        ),
    },
    "entity-resolution-union-find": {
        "an unmatched record": _answered(
            _args(lambda ids, m: len(ids) > 0 and any(i not in {x for p in m for x in p} for i in ids))
        ),
        "repeated, reversed and self pairs": _answered(_args(lambda ids, m: any(a == b for a, b in m))),
        "no records": _answered(_empty(0)),
        "an unknown id, refused": _refused(_args(lambda ids, m: any(x not in ids for p in m for x in p))),
    },
    "sparse-dot-product": {
        "a repeated index": _answered(_args(_repeated_index)),
        "unsorted indices": _answered(_args(lambda ai, av, bi, bv: ai != sorted(ai) or bi != sorted(bi))),
        "empty vectors": _answered(_empty(0)),
        "lengths differ, refused": _refused(
            _args(lambda ai, av, bi, bv: len(ai) != len(av) or len(bi) != len(bv))
        ),
    },
    "threshold-binary-search": {
        "a score equal to a candidate": _answered(_args(lambda s, c, b: bool(set(s) & set(c)))),
        "a budget met exactly": _answered(_args(_budget_met_exactly)),
        "no candidate meets it": _answered(
            _args(lambda s, c, b: bool(c) and sum(x >= c[-1] for x in s) / len(s) > b)
        ),
        "no candidates": _answered(_empty(1)),
        "no negative scores, refused": _refused(_empty(0)),
    },
    "pipeline-stage-partition": {
        "more stages than layers": _answered(_args(lambda c, n: n > len(c) > 0)),
        "a single stage": _answered(_args(lambda c, n: n == 1 and len(c) > 1)),
        "zero-cost layers": _answered(_args(lambda c, n: 0 in c)),
        "no layers": _answered(_empty(0)),
        "zero stages, refused": _refused(_args(lambda c, n: n < 1)),
    },
    "merge-sorted-shards": {
        "equal timestamps in different shards": _answered(_args(_equal_times_across_shards)),
        "an empty shard": _answered(_args(lambda shards: any(len(s) == 0 for s in shards) and any(shards))),
        "no shards": _answered(_empty(0)),
        "an unsorted shard, refused": _refused(
            _args(lambda shards: any(s[i][0] < s[i - 1][0] for s in shards for i in range(1, len(s))))
        ),
    },
    "levenshtein-distance": {
        "a swap of neighbours": _args(lambda a, b: len(a) == len(b) == 2 and a == b[::-1] and a != b),
        "one string empty": _args(lambda a, b: (a == "") != (b == "")),
        "both empty": _args(lambda a, b: a == b == ""),
        "case differs": _args(lambda a, b: a != b and a.lower() == b.lower()),
    },
    "sliding-window-rate-limiter": {
        "a request exactly one window later": _answered(
            _args(lambda ts, limit, w: any(b - a == w for i, a in enumerate(ts) for b in ts[i + 1 : i + 50]))
        ),
        "several requests at one time": _answered(_args(lambda ts, limit, w: len(set(ts)) < len(ts))),
        "no requests": _answered(_empty(0)),
        "a limit below one, refused": _refused(_args(lambda ts, limit, w: limit < 1)),
        "time going backwards, refused": _refused(
            _args(lambda ts, limit, w: any(b < a for a, b in pairwise(ts)))
        ),
    },
    # PyTorch exercises: the arguments are torch tensors, inspected with their own methods.
    "masked-attention": {
        "a query with every key masked": _answered(
            _args(
                lambda q, k, v, m: (
                    m is not None and bool((~m.expand(*q.shape[:-1], k.shape[-2])).all(-1).any())
                )
            )
        ),
        "a mask broadcast to the scores": _answered(
            _args(lambda q, k, v, m: m is not None and tuple(m.shape) != (*q.shape[:-1], k.shape[-2]))
        ),
        "no mask": _answered(_args(lambda q, k, v, m: m is None)),
        "batch and head dimensions": _answered(_args(lambda q, k, v, m: q.dim() >= 4)),
        "scores large enough to overflow exp": _answered(
            _args(lambda q, k, v, m: float(q.abs().max() * k.abs().max()) >= 1e4)
        ),
    },
    "layer-norm-forward": {
        "a constant vector": _answered(
            _args(lambda x, g, b, *eps: x.shape[-1] > 1 and bool((x.amax(-1) == x.amin(-1)).any()))
        ),
        "a variance comparable to eps": _answered(
            _args(
                lambda x, g, b, *eps: bool(
                    ((x.var(-1, correction=0) > 0) & (x.var(-1, correction=0) < 1e-3)).any()
                )
            )
        ),
        "values near ten thousand": _answered(_args(lambda x, g, b, *eps: float(x.abs().min()) >= 1000)),
        "a single feature": _answered(_args(lambda x, g, b, *eps: x.shape[-1] == 1)),
        "no batch dimension": _answered(_args(lambda x, g, b, *eps: x.dim() == 1)),
        "gamma or beta of the wrong size, refused": _refused(
            _args(lambda x, g, b, *eps: tuple(g.shape) != x.shape[-1:] or tuple(b.shape) != x.shape[-1:])
        ),
    },
    "bce-with-logits": {
        "logits of magnitude 1000": _answered(_args(lambda x, y: float(x.abs().max()) >= 1000)),
        "a logit of exactly zero": _answered(_args(lambda x, y: bool((x == 0).any()))),
        "soft targets": _answered(_args(lambda x, y: bool(((y > 0) & (y < 1)).any()))),
        "a single element": _answered(_args(lambda x, y: x.numel() == 1)),
        "no elements, refused": _refused(_args(lambda x, y: x.numel() == 0)),
        "shapes differ, refused": _refused(_args(lambda x, y: x.shape != y.shape)),
    },
    "clip-grad-global-norm": {
        "a None among the gradients": _answered(
            _args(lambda gs, c: any(g is None for g in gs) and any(g is not None for g in gs))
        ),
        "a norm already below max_norm": _answered(
            _args(lambda gs, c: 0 < sum(float((g**2).sum()) for g in gs if g is not None) ** 0.5 < c)
        ),
        "gradients all zero": _answered(
            _args(lambda gs, c: bool(gs) and all(g is not None and not g.any() for g in gs))
        ),
        "only None": _answered(_args(lambda gs, c: bool(gs) and all(g is None for g in gs))),
        "an empty list": _answered(_empty(0)),
        "max_norm not positive, refused": _refused(_args(lambda gs, c: c <= 0)),
    },
    "pad-collate": {
        "real tokens equal to the padding value": _answered(
            _args(lambda batch, pad=0: any(bool((t == pad).any()) for t, _ in batch))
        ),
        "an empty sequence among others": _answered(
            _args(lambda batch, pad=0: any(len(t) == 0 for t, _ in batch) and any(len(t) for t, _ in batch))
        ),
        "every sequence empty": _answered(
            _args(lambda batch, pad=0: bool(batch) and not any(len(t) for t, _ in batch))
        ),
        "a shorter sequence before a longer one": _answered(
            _args(
                lambda batch, pad=0: any(
                    len(a) < len(b) for (a, _), (b, _) in zip(batch, batch[1:], strict=False)
                )
            )
        ),
        "a padding value other than 0": _answered(_args(lambda batch, pad=0: pad != 0)),
        "a single example": _answered(_one_row(0)),
        "no examples, refused": _refused(_empty(0)),
    },
    "sgd-linear-step": {
        "several outputs": _answered(_args(lambda W, b, X, y, lr: y.shape[1] > 1)),
        "a learning rate of zero": _answered(_args(lambda W, b, X, y, lr: lr == 0)),
        "a single example": _answered(_args(lambda W, b, X, y, lr: X.shape[0] == 1)),
        "a perfect fit already": _answered(
            _args(lambda W, b, X, y, lr: float((X @ W + b - y).abs().max()) < 1e-5)
        ),
    },
}


def test_every_exercise_declares_its_edge_cases():
    assert sorted(EDGE_CASES) == sorted(SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_edge_cases_are_among_the_hidden_tests(exercises, slug):
    """Each edge case the statement promises is the input of at least one hidden test (not only of a
    public example a candidate can copy the answer of)."""
    exercise = exercises[slug]
    hidden = [c for c in exercise.cases if not c.public]
    # A modelling task's hidden test is a whole dataset; a function's are single calls.
    assert len(hidden) >= (1 if exercise.meta.kind == "modelling" else 4)
    missing = [
        edge for edge, holds in EDGE_CASES.get(slug, {}).items() if not any(holds(case) for case in hidden)
    ]
    assert missing == [], f"{slug}: no hidden test with {missing}"


# -- the content check fires on broken content (it is never silent only because the content is good) --
@pytest.fixture
def roc_copy(exercises, tmp_path):
    folder = tmp_path / "roc-auc"
    shutil.copytree(exercises["roc-auc"].folder, folder)
    return folder


def test_the_content_check_names_a_wrong_solution_that_passes_every_hidden_test(exercises, roc_copy):
    (roc_copy / "wrong" / "actually_right.py").write_text(exercises["roc-auc"].solution_source)
    assert check_exercise(load_exercise(roc_copy)) == [
        "roc-auc: wrong solution 'actually_right' passes every hidden test"
    ]


def test_the_content_check_names_a_wrong_solution_that_fails_only_public_tests(exercises, roc_copy):
    # Right on every hidden test, wrong on the public examples only: still a useless wrong solution.
    public = [list(c.args[1]) for c in exercises["roc-auc"].cases if c.public]
    source = exercises["roc-auc"].solution_source + (
        f"\n_right = roc_auc\n\ndef roc_auc(y_true, scores):\n"
        f"    return -1.0 if list(scores) in {public!r} else _right(y_true, scores)\n"
    )
    (roc_copy / "wrong" / "public_only.py").write_text(source)
    assert check_exercise(load_exercise(roc_copy)) == [
        "roc-auc: wrong solution 'public_only' passes every hidden test"
    ]


def test_the_content_check_names_missing_wrong_solutions_and_tests_all_public(roc_copy):
    shutil.rmtree(roc_copy / "wrong")
    tests = roc_copy / "tests.py"
    tests.write_text(
        tests.read_text() + "\n\n_cases = cases\n\n\ndef cases():\n"
        "    import dataclasses\n\n    return [dataclasses.replace(c, public=True) for c in _cases()]\n"
    )
    problems = check_exercise(load_exercise(roc_copy))
    assert problems == ["roc-auc: no wrong solutions", "roc-auc: needs both public and hidden tests"]
