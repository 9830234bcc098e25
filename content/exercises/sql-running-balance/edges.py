"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args, empty, one_row


def _account_opens_with_null(rows: list) -> bool:
    first: dict = {}
    for _txn, account, _day, amount in sorted(rows, key=lambda r: (r[1], r[2], r[0])):
        first.setdefault(account, amount)
    return any(amount is None for amount in first.values())


EDGES: dict[str, Edge] = {
    "no rows": empty(0),
    "a single row": one_row(0),
    "a NULL amount": args(lambda rows: any(r[3] is None for r in rows)),
    "an account that opens with a NULL amount": args(_account_opens_with_null),
    "several transactions of an account on one day": args(
        lambda rows: len({(r[1], r[2]) for r in rows}) < len(rows)
    ),
    "several accounts": args(lambda rows: len({r[1] for r in rows}) > 1),
}
