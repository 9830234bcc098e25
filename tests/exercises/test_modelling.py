"""Modelling tasks (issue 18): the candidate's class is fitted and asked for predictions in the
sandbox; the parent scores the predictions on labels that never enter the sandbox, with partial
credit between a naive baseline's level and the reference's."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.metrics import mean_absolute_error, roc_auc_score

from mlinterview.exercises.judge import score_predictions
from mlinterview.exercises.model import Metric, invoke
from mlinterview.exercises.sandboxcheck import judge_all

AUC = Metric("ROC AUC", np.array([0, 0, 1, 1]), roc_auc_score, none_at=0.6, full_at=0.8)


@pytest.mark.parametrize(
    ("value", "credit"), [(0.5, 0.0), (0.6, 0.0), (0.7, 0.5), (0.8, 1.0), (0.95, 1.0), (math.nan, 0.0)]
)
def test_credit_is_linear_between_the_baseline_and_the_reference_level(value, credit):
    assert AUC.credit(value) == pytest.approx(credit)


def test_credit_runs_the_other_way_for_an_error_metric():
    mae = Metric("MAE", np.zeros(3), mean_absolute_error, none_at=10.0, full_at=2.0)
    assert [mae.credit(v) for v in (12.0, 10.0, 6.0, 2.0, 1.0)] == [0.0, 0.0, 0.5, 1.0, 1.0]


@pytest.mark.parametrize(
    ("predictions", "problem"),
    [
        ([0.1, 0.2, 0.3], "wrong shape: 3 predictions for 4 rows"),
        ([0.1, 0.2, math.nan, 0.4], "wrong value: a prediction is not a finite number"),
        (["low", "low", "high", "high"], "wrong type: expected one number per row"),
    ],
)
def test_predictions_that_cannot_be_scored_say_why(predictions, problem):
    assert score_predictions(AUC, predictions) == (None, problem)


def test_a_column_of_predictions_is_scored_like_a_flat_one():
    assert score_predictions(AUC, np.array([[0.1], [0.2], [0.8], [0.9]])) == (1.0, "")


def test_the_estimator_protocol_fits_on_the_training_part_and_predicts_the_test_part():
    calls = []

    class Model:
        def fit(self, X, y):
            calls.append(("fit", X, y))
            self.offset = sum(y)
            return self

        def predict(self, X):
            calls.append(("predict", X))
            return [x + self.offset for x in X]

    assert invoke(Model, "estimator", ([1, 2], [3, 4], [10, 20])) == [17, 27]
    assert calls == [("fit", [1, 2], [3, 4]), ("predict", [10, 20])]
    assert invoke(lambda a, b: a - b, "function", (5, 3)) == 2


@pytest.mark.sandbox
def test_churn_reference_full_marks_leaky_model_none_on_the_hidden_split(judge, exercises):
    """The leaky model beats the reference on validation rows drawn the leaky way (from the
    training quarter, where refund_issued is the label) and earns nothing on next month's
    customers; the constant baseline earns nothing anywhere; the login rule earns a share."""
    exercise = exercises["churn-model"]
    hidden = next(c for c in exercise.cases if not c.public)
    reference = judge.judge(exercise, exercise.solution_source)
    leaky = judge.judge(exercise, exercise.wrong["leaky_boosting"])
    assert reference.score == 1.0, reference.tests
    public = {r.name: r for r in (reference, leaky) for r in r.tests if r.public}
    ref_public = next(t for t in reference.tests if t.public)
    leaky_public = next(t for t in leaky.tests if t.public)
    assert public and _auc(leaky_public.message) > _auc(ref_public.message)
    leaky_hidden = next(t for t in leaky.tests if t.name == hidden.name)
    assert leaky_hidden.points == 0 and leaky_hidden.message.startswith("ROC AUC 0.5")
    constant = judge.judge(exercise, exercise.wrong["constant_rate"])
    assert constant.points == 0
    rule = judge.judge(exercise, exercise.wrong["login_rule"])
    assert 0 < rule.score < 0.5


@pytest.mark.sandbox
def test_a_model_that_fails_to_predict_earns_nothing_and_is_told_why(judge, exercises):
    source = (
        "class ChurnModel:\n"
        "    def fit(self, X, y):\n"
        "        return self\n"
        "    def predict(self, X):\n"
        "        return [0.5] * (len(X) - 1)\n"
    )
    result = judge.judge(exercises["churn-model"], source)
    assert result.score == 0 and result.verdict == "ok"
    assert all(t.message.startswith("wrong shape:") for t in result.tests)


def _auc(message: str) -> float:
    return float(message.split()[2])


# Each task's trap: (slug, a naive baseline, the typical mistake, the most of the hidden points that
# mistake may earn, whether it beats the reference on the public rows, as a model validated the
# leaky way does).
TRAPS = [
    ("store-sales-forecast", "shop_median", "forest_on_week", 0.0, True),
    ("card-fraud-alerts", "largest_amount_first", "chargeback_boosting", 0.0, True),
    ("product-returns-new-brands", "numbers_only", "refund_boosting", 0.0, True),
    ("motor-claims-new-customers", "age_band_rates", "memorising_forest", 0.0, True),
    ("loan-default-probability", "base_rate", "arrears_boosting", 0.0, True),
    ("hotel-cancellation-risk", "base_rate", "agent_rate_boosting", 0.0, True),
    ("support-ticket-routing", "majority_team", "word_counts_bayes", 0.0, True),
    ("delivery-time-promise", "overall_percentile", "voucher_boosting", 0.0, True),
    ("flat-sale-prices", "median_price", "transfer_tax_boosting", 0.0, True),
    ("homepage-ranking-position-bias", "most_popular", "ignores_slot", 0.0, True),
    ("motor-fault-field-priors", "always_healthy", "bench_classifier", 0.0, True),
]


@pytest.mark.sandbox
@pytest.mark.parametrize(
    ("slug", "naive", "mistake", "most", "wins_in_public"), TRAPS, ids=[t[0] for t in TRAPS]
)
def test_each_modelling_trap_costs_the_hidden_points(
    judge, exercises, slug, naive, mistake, most, wins_in_public
):
    """The reference earns full marks; the naive baseline earns nothing on the hidden split; the
    typical mistake earns at most its share of it, and less there than in public (nothing, where it
    is a leaky model that beats the reference on the public rows)."""
    exercise = exercises[slug]
    metric = next(c.metric for c in exercise.cases if c.public)
    sources = [exercise.solution_source, exercise.wrong[naive], exercise.wrong[mistake]]
    reference, baseline, wrong = judge_all(judge, exercise, sources)
    assert reference.score == 1.0, reference.tests
    assert _hidden(baseline).points == 0, baseline.tests
    hidden, public = _hidden(wrong), _public(wrong)
    assert hidden.message.startswith(metric.name + " "), hidden.message
    assert hidden.points <= most * hidden.max_points, hidden.message
    if wins_in_public:
        ours, theirs = (_value(_public(r), metric.name) for r in (reference, wrong))
        assert metric.credit(theirs) == 1.0 and _better(metric, theirs, ours), (ours, theirs)
    if hidden.points:
        assert hidden.points / hidden.max_points < public.points / public.max_points


def _public(result):
    return next(t for t in result.tests if t.public)


def _hidden(result):
    return next(t for t in result.tests if not t.public)


def _value(test, name: str) -> float:
    return float(test.message[len(name) + 1 :].split()[0])


def _better(metric: Metric, a: float, b: float) -> bool:
    return a < b if metric.none_at > metric.full_at else a > b
