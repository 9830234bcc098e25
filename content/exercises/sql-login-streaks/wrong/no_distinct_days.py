import sqlite3

# Row numbers over every login: a second login on one day shifts the rest of the run.
QUERY = """
WITH days AS (
    SELECT account, day FROM logins
),
islands AS (
    SELECT account, day,
           julianday(day) - ROW_NUMBER() OVER (PARTITION BY account ORDER BY day) AS island
    FROM days
),
streaks AS (
    SELECT account, COUNT(*) AS length, MIN(day) AS first_day
    FROM islands
    GROUP BY account, island
),
ranked AS (
    SELECT account, length, first_day,
           ROW_NUMBER() OVER (PARTITION BY account ORDER BY length DESC, first_day ASC) AS position
    FROM streaks
)
SELECT account, length, first_day FROM ranked WHERE position = 1 ORDER BY account
"""


def longest_streaks(logins):
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE logins (account TEXT, day TEXT)")
        connection.executemany("INSERT INTO logins VALUES (?, ?)", logins)
        return [tuple(row) for row in connection.execute(QUERY)]
    finally:
        connection.close()
