"""Issue 16, point 4: the adverse-impact numbers on a constructed data set, checked by hand.

The data set (80 scored candidates, one unscored, cut-off 3.0; scores: 4.0 "high", selected;
2.5 "mid" and 1.0 "low", not selected):

    gender             age        n  high mid low
    man                under 40  25   15   2   8
    man                40+       15    5   2   8
    woman              under 40  20    8   2  10
    woman              40+       10    1   1   8
    nonbinary          under 40   4    1   0   3
    Prefer not to say  under 40   3    2   0   1
    prefer not to say  40+        2    1   0   1
    (no label at all)             1    0   0   1

Each expected number below is worked out from this table in the test, not read from the code.
"""

from __future__ import annotations

import csv
import io
import math

import pytest

from mlinterview.fairness import COLUMNS, Record, adverse_impact, csv_rows
from mlinterview.web import csvsafe

CUTOFF = 3.0
HIGH, MID, LOW = 4.0, 2.5, 1.0
CELLS = [
    ({"gender": "man", "age": "under 40"}, 15, 2, 8),
    ({"gender": "man", "age": "40+"}, 5, 2, 8),
    ({"gender": "woman", "age": "under 40"}, 8, 2, 10),
    ({"gender": "woman", "age": "40+"}, 1, 1, 8),
    ({"gender": "nonbinary", "age": "under 40"}, 1, 0, 3),
    ({"gender": "Prefer not to say", "age": "under 40"}, 2, 0, 1),
    ({"gender": "prefer not to say", "age": "40+"}, 1, 0, 1),
    ({}, 0, 0, 1),
]


def _automatic(groups: dict[str, str], score: float) -> float:
    # The automatic grader "reader" gives men's mid answers half a point more than the reviewers
    # kept (2.5 -> 3.0: selected by the grader, not after review); everyone else as reviewed.
    return score + 0.5 if groups.get("gender") == "man" and score == MID else score


def _records() -> list[Record]:
    records = []
    for groups, high, mid, low in CELLS:
        for score in [HIGH] * high + [MID] * mid + [LOW] * low:
            graders = {"reader": _automatic(groups, score)} if groups else {}
            records.append(Record(groups=groups, score=score, grader_scores=graders, final_score=score))
    records.append(Record(groups={"gender": "woman", "age": "40+"}, score=None))  # not scored yet
    return records


@pytest.fixture(scope="module")
def report():
    return adverse_impact(_records(), CUTOFF)


def _block(blocks, category):
    return next(block for block in blocks if block.category == category)


def _row(block, group):
    return next(row for row in block.rows if row.group == group)


def _fisher_two_sided(selected: int, total: int, all_selected: int, everyone: int) -> float:
    # Hypergeometric by hand: P(a) = C(K, a) C(N-K, n-a) / C(N, n), summed over every table as
    # likely as the observed one or less (scipy's two-sided definition).
    def p(a: int) -> float:
        return (
            math.comb(all_selected, a)
            * math.comb(everyone - all_selected, total - a)
            / math.comb(everyone, total)
        )

    observed = p(selected)
    low, high = max(0, total - (everyone - all_selected)), min(total, all_selected)
    return sum(p(a) for a in range(low, high + 1) if p(a) <= observed * (1 + 1e-7))


def test_counts_of_records_unscored_and_unknowns(report):
    assert report.records == 81 and report.unscored == 1
    assert report.scores.scored == 80
    assert report.categories == ("gender", "age")
    gender = _block(report.scores.selection, "gender")
    # "Prefer not to say" (3) + "prefer not to say" (2) + no label (1) = 6 unknown, left out.
    assert gender.unknown == 3 + 2 + 1
    assert sum(row.total for row in gender.rows) == 80 - 6
    assert {row.group for row in gender.rows} == {"man", "woman", "nonbinary"}
    assert _block(report.scores.selection, "age").unknown == 1


def test_selection_rates_impact_ratios_and_four_fifths_by_hand(report):
    gender = _block(report.scores.selection, "gender")
    man, woman, nonbinary = (_row(gender, g) for g in ("man", "woman", "nonbinary"))
    # man: 15 + 5 = 20 of 25 + 15 = 40 -> 0.5; woman: 8 + 1 = 9 of 30 -> 0.3; nonbinary: 1 of 4.
    assert (man.selected, man.total, man.rate) == (20, 40, 0.5)
    assert (woman.selected, woman.total) == (9, 30) and woman.rate == pytest.approx(0.3)
    assert (nonbinary.selected, nonbinary.total, nonbinary.rate) == (1, 4, 0.25)
    assert gender.reference_group == "man"
    assert man.impact_ratio == 1.0
    assert woman.impact_ratio == pytest.approx(0.3 / 0.5)  # 0.6 < 0.8: flagged
    assert nonbinary.impact_ratio == pytest.approx(0.25 / 0.5)
    assert (man.four_fifths_flag, woman.four_fifths_flag, nonbinary.four_fifths_flag) == (False, True, True)
    assert gender.flagged == ("woman", "nonbinary")

    age = _block(report.scores.selection, "age")
    young, older = _row(age, "under 40"), _row(age, "40+")
    # under 40: 15 + 8 + 1 + 2 = 26 of 25 + 20 + 4 + 3 = 52 -> 0.5; 40+: 5 + 1 + 1 = 7 of 27.
    assert (young.selected, young.total) == (26, 52)
    assert (older.selected, older.total) == (7, 27)
    assert older.impact_ratio == pytest.approx((7 / 27) / (26 / 52))  # 14/27 = 0.52
    assert older.four_fifths_flag


def test_fisher_exact_each_group_against_the_rest(report):
    gender = _block(report.scores.selection, "gender")
    woman = _row(gender, "woman")
    # woman [[9, 21], rest [[20 + 1, 40 + 4 - 21]]] = [[9, 21], [21, 23]]; odds ratio ad / bc.
    assert woman.fisher_odds_ratio == pytest.approx((9 * 23) / (21 * 21))
    assert woman.fisher_p_value == pytest.approx(_fisher_two_sided(9, 30, 30, 74), rel=1e-9)
    man = _row(gender, "man")
    assert man.fisher_p_value == pytest.approx(_fisher_two_sided(20, 40, 30, 74), rel=1e-9)
    assert 0 < woman.fisher_p_value < 1


def test_small_groups_are_warned_about_with_the_rule(report):
    gender = _block(report.scores.selection, "gender")
    assert _row(gender, "man").warnings == ()
    assert _row(gender, "woman").warnings == ()  # 30 candidates and 9 selected: neither rule
    warnings = _row(gender, "nonbinary").warnings
    assert len(warnings) == 2
    assert "only 4 candidates" in warnings[0] and "fewer than 30" in warnings[0]
    assert "only 1 selected" in warnings[1] and "fewer than 5" in warnings[1]
    # 40+: 27 candidates (fewer than 30) but 7 selected (not fewer than 5): one warning.
    older = _row(_block(report.scores.selection, "age"), "40+")
    assert len(older.warnings) == 1 and "fewer than 30" in older.warnings[0]


def test_intersections_of_two_categories(report):
    both = _block(report.scores.selection, "gender × age")
    assert both.intersectional
    # Unknown when either label is: the 5 "prefer not to say" and the unlabelled one.
    assert both.unknown == 6
    rates = {row.group: (row.selected, row.total) for row in both.rows}
    assert rates == {
        "man × under 40": (15, 25),
        "man × 40+": (5, 15),
        "woman × under 40": (8, 20),
        "woman × 40+": (1, 10),
        "nonbinary × under 40": (1, 4),
    }
    assert both.reference_group == "man × under 40"  # 0.6, the highest
    assert _row(both, "woman × 40+").impact_ratio == pytest.approx(0.1 / 0.6)
    assert _row(both, "woman × under 40").impact_ratio == pytest.approx(0.4 / 0.6)


def test_share_above_the_median_as_local_law_144_reports(report):
    # 80 scores: 40 low, 7 mid, 33 high; the median is the mean of the 40th (1.0) and 41st (2.5).
    assert report.scores.median == (LOW + MID) / 2
    gender = _block(report.scores.above_median, "gender")
    # Above 1.75 = mid or high. man: 15 + 2 + 5 + 2 = 24 of 40; woman: 8 + 2 + 1 + 1 = 12 of 30.
    assert (_row(gender, "man").selected, _row(gender, "man").total) == (24, 40)
    assert (_row(gender, "woman").selected, _row(gender, "woman").total) == (12, 30)
    assert _row(gender, "woman").impact_ratio == pytest.approx(0.4 / 0.6)
    assert _row(gender, "nonbinary").impact_ratio == pytest.approx(0.25 / 0.6)
    assert "above the median" in _row(gender, "nonbinary").warnings[1]


def test_each_automatic_grader_against_the_final_reviewed_scores(report):
    (reader,) = report.graders
    assert reader.grader == "reader"
    # The unlabelled record has no grader score: 79 candidates in both analyses.
    assert reader.automatic.scored == reader.final.scored == 79
    auto = _block(reader.automatic.selection, "gender")
    final = _block(reader.final.selection, "gender")
    # Automatic: men's 4 mid answers (2 + 2) reach 3.0, so 24 of 40 men; women 9 of 30 either way.
    assert _row(auto, "man").selected == 24 and _row(final, "man").selected == 20
    assert _row(auto, "woman").impact_ratio == pytest.approx(0.3 / 0.6)
    assert _row(final, "woman").impact_ratio == pytest.approx(0.3 / 0.5)
    # Medians over 79: 39 lows then a 2.5 at the 40th place, for both sources.
    assert reader.automatic.median == reader.final.median == MID
    # Strictly above 2.5: the final scores count only the 20 high men, not the 4 at 2.5;
    # the grader's 4 men at 3.0 are above its median.
    assert _row(_block(reader.final.above_median, "gender"), "man").selected == 20
    assert _row(_block(reader.automatic.above_median, "gender"), "man").selected == 24


def test_csv_has_a_row_per_source_measure_category_and_group(report):
    stream = io.StringIO(newline="")
    out = csvsafe.writer(stream, lineterminator="\r\n")  # as the web layer writes it
    out.writerow(COLUMNS)
    out.writerows([row[c] for c in COLUMNS] for row in csv_rows(report))
    count = len(csv_rows(report))
    rows = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert len(rows) == count
    # Per analysis: gender 3 + age 2 + gender × age 5 = 10 groups, twice (cut-off, median);
    # three analyses (the score, the reader, the final scores on the reader's candidates).
    assert count == 10 * 2 * 3
    woman = next(
        r
        for r in rows
        if (r["source"], r["measure"], r["group"]) == ("score", "selection at cut-off", "woman")
    )
    assert woman["total"] == "30" and woman["selected"] == "9"
    assert float(woman["rate"]) == pytest.approx(0.3) and float(woman["impact_ratio"]) == pytest.approx(0.6)
    assert woman["four_fifths_flag"] == "yes" and woman["unknown_in_category"] == "6"
    assert woman["threshold"] == "3"


def test_a_category_with_one_group_or_nobody_selected():
    records = [Record(groups={"g": "a"}, score=1.0) for _ in range(3)]
    (block,) = adverse_impact(records, 5.0, intersectional=False).scores.selection
    (row,) = block.rows
    # Nobody selected: no rate to compare with, so no ratio and no flag; no rest for Fisher.
    assert row.rate == 0 and row.impact_ratio is None and not row.four_fifths_flag
    assert row.fisher_p_value is None and row.fisher_odds_ratio is None


def test_four_fifths_flags_a_ratio_below_0_8_not_at_it():
    # a: 10 of 10 selected (rate 1.0); b: 8 of 10 (ratio exactly 0.8, not flagged); c: 7 of 10.
    records = [
        Record(groups={"g": group}, score=5.0 if i < selected else 0.0)
        for group, selected in (("a", 10), ("b", 8), ("c", 7))
        for i in range(10)
    ]
    (block,) = adverse_impact(records, 3.0).scores.selection
    assert [(row.group, row.impact_ratio, row.four_fifths_flag) for row in block.rows] == [
        ("a", 1.0, False),
        ("b", 0.8, False),
        ("c", 0.7, True),
    ]
