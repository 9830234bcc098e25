"""Issue 16, point 4: the selection rates and the lowest impact ratio agree with fairlearn.

fairlearn is a test reference only (the `test` extra). Its ``selection_rate`` per group (through a
``MetricFrame``) is our rate, and its ``demographic_parity_ratio`` (the lowest group rate over the
highest) is our lowest impact ratio; with two sensitive columns it groups by their combination,
which is our intersection. Unknowns are left out before handing the data to fairlearn, as we do.
"""

from __future__ import annotations

import random

import pytest
from fairlearn.metrics import MetricFrame, demographic_parity_ratio, selection_rate

from mlinterview.fairness import Record, adverse_impact, is_unknown

CUTOFF = 60.0


@pytest.fixture(scope="module")
def records() -> list[Record]:
    # 400 candidates with skewed scores by group, some of them "prefer not to say".
    rng = random.Random(16)
    shift = {"a": 8.0, "b": 0.0, "c": -6.0, "prefer not to say": 0.0}
    records = []
    for _ in range(400):
        group = rng.choice(list(shift))
        band = rng.choice(["junior", "senior", "senior", "prefer not to say"])
        score = min(100.0, max(0.0, rng.gauss(58 + shift[group], 15)))
        records.append(Record(groups={"group": group, "band": band}, score=score))
    return records


def _known(records: list[Record], *categories: str) -> list[Record]:
    return [r for r in records if not any(is_unknown(r.groups[c]) for c in categories)]


def test_rates_and_parity_ratio_match_fairlearn_for_one_category(records):
    block = next(b for b in adverse_impact(records, CUTOFF).scores.selection if b.category == "group")
    known = _known(records, "group")
    selected = [int(r.score is not None and r.score >= CUTOFF) for r in known]
    groups = [r.groups["group"] for r in known]
    frame = MetricFrame(metrics=selection_rate, y_true=selected, y_pred=selected, sensitive_features=groups)
    theirs = frame.by_group.to_dict()
    ours = {row.group: row.rate for row in block.rows}
    assert set(ours) == set(theirs) == {"a", "b", "c"}
    for group, rate in theirs.items():
        assert ours[group] == pytest.approx(rate)
    parity = demographic_parity_ratio(selected, selected, sensitive_features=groups)
    assert min(row.impact_ratio for row in block.rows) == pytest.approx(parity)
    # The data is skewed enough that the ratio is neither trivial nor 1.
    assert 0 < parity < 0.9


def test_intersections_match_fairlearn_with_two_sensitive_columns(records):
    block = next(b for b in adverse_impact(records, CUTOFF).scores.selection if b.category == "group × band")
    known = _known(records, "group", "band")
    selected = [int(r.score is not None and r.score >= CUTOFF) for r in known]
    features = {"group": [r.groups["group"] for r in known], "band": [r.groups["band"] for r in known]}
    frame = MetricFrame(metrics=selection_rate, y_true=selected, y_pred=selected, sensitive_features=features)
    theirs = {f"{g} × {b}": rate for (g, b), rate in frame.by_group.to_dict().items()}
    ours = {row.group: row.rate for row in block.rows}
    assert set(ours) == set(theirs) and len(ours) == 6
    for group, rate in theirs.items():
        assert ours[group] == pytest.approx(rate)
    assert block.unknown == len(records) - len(known)
    parity = demographic_parity_ratio(selected, selected, sensitive_features=features)
    assert min(row.impact_ratio for row in block.rows) == pytest.approx(parity)
