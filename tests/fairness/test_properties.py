"""Issue 16, point 4: properties of the rates that hold for any counts (Hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mlinterview.fairness import FOUR_FIFTHS, Record, adverse_impact, group_rates


@st.composite
def counts(draw):
    groups = draw(st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=6, unique=True))
    found = {}
    for group in groups:
        total = draw(st.integers(min_value=0, max_value=200))
        found[group] = (total, draw(st.integers(min_value=0, max_value=total)))
    return found


@given(counts())
def test_impact_ratios_lie_in_0_1_and_the_top_group_has_1(found):
    rows = group_rates(found)
    assert [row.group for row in rows] == sorted(
        (g for g, (t, _) in found.items() if t), key=lambda g: (-found[g][1] / found[g][0], g)
    )
    if not rows or rows[0].selected == 0:
        assert all(row.impact_ratio is None and not row.four_fifths_flag for row in rows)
        return
    assert rows[0].impact_ratio == 1.0
    for row in rows:
        assert row.impact_ratio is not None and 0.0 <= row.impact_ratio <= 1.0
        assert row.four_fifths_flag == (row.impact_ratio < FOUR_FIFTHS)
        assert row.fisher_p_value is None or 0.0 <= row.fisher_p_value <= 1.0 + 1e-9


labels = st.sampled_from(["x", "y", "z", "prefer not to say", None])


@given(
    st.lists(st.tuples(labels, labels, st.one_of(st.none(), st.floats(0, 5))), max_size=60), st.floats(0, 5)
)
def test_every_scored_record_is_counted_once_per_category_known_or_unknown(rows, cutoff):
    records = [Record(groups={"p": p, "q": q}, score=s) for p, q, s in rows]
    report = adverse_impact(records, cutoff, categories=["p", "q"])
    scored = sum(s is not None for _, _, s in rows)
    assert report.unscored == len(rows) - scored
    for blocks in (report.scores.selection, report.scores.above_median):
        for block in blocks:
            assert sum(row.total for row in block.rows) + block.unknown == scored
            assert all(row.selected <= row.total for row in block.rows)
