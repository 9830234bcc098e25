import sqlite3

QUERY = """
SELECT u.country, COUNT(*) AS n_users,
       COUNT(*) - SUM(CASE WHEN u.user_id NOT IN (SELECT user_id FROM events WHERE event = 'purchase')
                      THEN 1 ELSE 0 END) AS n_buyers
FROM users AS u
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
