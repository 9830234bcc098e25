import sqlite3

QUERY = """
-- your SQL here: the tables are users(user_id INTEGER, country TEXT) and events(user_id INTEGER, event TEXT)
"""


def conversion_by_country(users: list[tuple], events: list[tuple]) -> list[tuple]:
    """One (country, n_users, n_buyers) per country of users, the None group first."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE users (user_id INTEGER, country TEXT)")
        connection.execute("CREATE TABLE events (user_id INTEGER, event TEXT)")
        connection.executemany("INSERT INTO users VALUES (?, ?)", users)
        connection.executemany("INSERT INTO events VALUES (?, ?)", events)
        return [tuple(row) for row in connection.execute(QUERY)]
    finally:
        connection.close()
