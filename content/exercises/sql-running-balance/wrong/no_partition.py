import sqlite3

QUERY = """
SELECT account, day, txn_id,
       COALESCE(SUM(amount) OVER (ORDER BY day, txn_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 0.0)
           AS balance
FROM txns
ORDER BY account, day, txn_id
"""


def running_balance(rows):
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE txns (txn_id INTEGER, account TEXT, day TEXT, amount REAL)")
        connection.executemany("INSERT INTO txns VALUES (?, ?, ?, ?)", rows)
        return [tuple(row) for row in connection.execute(QUERY)]
    finally:
        connection.close()
