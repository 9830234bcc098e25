"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import pandas as pd

from mlinterview.exercises.edges import Edge, args, empty


def _quote_at_trade_time(trades: pd.DataFrame, prices: pd.DataFrame) -> bool:
    return bool(len(trades.merge(prices, on=["symbol", "ts"])))


def _later_quote_closer(trades: pd.DataFrame, prices: pd.DataFrame) -> bool:
    # Some trade has a quote of its symbol after it that is nearer in time than every earlier one.
    for symbol, ts in zip(trades["symbol"], trades["ts"], strict=True):
        mine = prices.loc[prices["symbol"] == symbol, "ts"]
        before, after = mine[mine <= ts], mine[mine > ts]
        if len(after) and (not len(before) or after.min() - ts < ts - before.max()):
            return True
    return False


def _other_symbol_quote_in_between(trades: pd.DataFrame, prices: pd.DataFrame) -> bool:
    # Another symbol's quote comes after this trade's own last quote and not after the trade.
    for symbol, ts in zip(trades["symbol"], trades["ts"], strict=True):
        own = prices.loc[(prices["symbol"] == symbol) & (prices["ts"] <= ts), "ts"]
        other = prices.loc[(prices["symbol"] != symbol) & (prices["ts"] <= ts), "ts"]
        if len(other) and (not len(own) or other.max() > own.max()):
            return True
    return False


EDGES: dict[str, Edge] = {
    "no trades": empty(0),
    "no quotes": empty(1),
    "a quote at the trade's own time": args(_quote_at_trade_time),
    "a later quote nearer than the last earlier one": args(_later_quote_closer),
    "another symbol quoted since the trade's own last quote": args(_other_symbol_quote_in_between),
    "two quotes of a symbol at one time": args(lambda t, p: bool(p.duplicated(["symbol", "ts"]).any())),
    "a trade before its symbol's first quote": args(
        lambda t, p: any(
            not ((p["symbol"] == s) & (p["ts"] <= ts)).any()
            for s, ts in zip(t["symbol"], t["ts"], strict=True)
        )
    ),
}
