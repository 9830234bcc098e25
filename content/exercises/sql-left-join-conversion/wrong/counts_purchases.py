import sqlite3

QUERY = """
SELECT u.country, COUNT(DISTINCT u.user_id) AS n_users, COUNT(e.user_id) AS n_buyers
FROM users AS u
LEFT JOIN events AS e ON e.user_id = u.user_id AND e.event = 'purchase'
GROUP BY u.country
ORDER BY u.country
"""


def conversion_by_country(users, events):
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE users (user_id INTEGER, country TEXT)")
        connection.execute("CREATE TABLE events (user_id INTEGER, event TEXT)")
        connection.executemany("INSERT INTO users VALUES (?, ?)", users)
        connection.executemany("INSERT INTO events VALUES (?, ?)", events)
        return [tuple(row) for row in connection.execute(QUERY)]
    finally:
        connection.close()
