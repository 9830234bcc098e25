import sqlite3

QUERY = """
-- your SQL here: the table is txns(txn_id INTEGER, account TEXT, day TEXT, amount REAL)
"""


def running_balance(rows: list[tuple]) -> list[tuple]:
    """(account, day, txn_id, balance) per transaction, sorted by account, day, txn_id."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE txns (txn_id INTEGER, account TEXT, day TEXT, amount REAL)")
        connection.executemany("INSERT INTO txns VALUES (?, ?, ?, ?)", rows)
        return [tuple(row) for row in connection.execute(QUERY)]
    finally:
        connection.close()
