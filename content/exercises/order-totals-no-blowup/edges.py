"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import pandas as pd

from mlinterview.exercises.edges import Edge, args, empty


def _user_with_only_nan_amounts(users: pd.DataFrame, orders: pd.DataFrame) -> bool:
    mine = orders[orders["user_id"].isin(users["user_id"])]
    return bool(len(mine)) and bool(mine["amount"].isna().groupby(mine["user_id"]).all().any())


EDGES: dict[str, Edge] = {
    "no users": empty(0),
    "no orders": empty(1),
    "a user listed on several rows": args(lambda u, o: bool(u["user_id"].duplicated().any())),
    "a user without orders": args(lambda u, o: bool(len(u)) and not u["user_id"].isin(o["user_id"]).all()),
    "an order of a user not in users": args(lambda u, o: not o["user_id"].isin(u["user_id"]).all()),
    "a user whose amounts are all NaN": args(_user_with_only_nan_amounts),
}
