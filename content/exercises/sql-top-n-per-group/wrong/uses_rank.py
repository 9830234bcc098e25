import sqlite3

QUERY = """
SELECT category, product, revenue, position
FROM (
    SELECT category, product, revenue,
           RANK() OVER (PARTITION BY category ORDER BY revenue DESC) AS position
    FROM sales
    WHERE revenue IS NOT NULL
)
WHERE position <= :n
ORDER BY category, position, product
"""


def top_products(rows, n):
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE sales (category TEXT, product TEXT, revenue REAL)")
        connection.executemany("INSERT INTO sales VALUES (?, ?, ?)", rows)
        return [tuple(row) for row in connection.execute(QUERY, {"n": n})]
    finally:
        connection.close()
