"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import pandas as pd

from mlinterview.exercises.edges import Edge, args, empty, non_finite, one_row


def _team_without_salary(df: pd.DataFrame) -> bool:
    return bool(len(df)) and bool(df.groupby("team")["salary"].count().eq(0).any())


EDGES: dict[str, Edge] = {
    "no rows": empty(0),
    "one row": one_row(0),
    "a team with no known salary": args(_team_without_salary),
    "NaN salaries among known ones": non_finite(0),
}
