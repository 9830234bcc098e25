import sqlite3

QUERY = """
-- your SQL here: the table is logins(account TEXT, day TEXT);
-- one row per account: account, length, first_day
"""


def longest_streaks(logins: list[tuple[str, str]]) -> list[tuple]:
    """Each account's longest run of consecutive login days: (account, length, first_day)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE logins (account TEXT, day TEXT)")
        connection.executemany("INSERT INTO logins VALUES (?, ?)", logins)
        return [tuple(row) for row in connection.execute(QUERY)]
    finally:
        connection.close()
