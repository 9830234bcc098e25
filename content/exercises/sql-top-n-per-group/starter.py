import sqlite3

QUERY = """
-- your SQL here: the table is sales(category TEXT, product TEXT, revenue REAL)
"""


def top_products(rows: list[tuple], n: int) -> list[tuple]:
    """Each category's top n products by known revenue: (category, product, revenue, rank)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE sales (category TEXT, product TEXT, revenue REAL)")
        connection.executemany("INSERT INTO sales VALUES (?, ?, ?)", rows)
        return [tuple(row) for row in connection.execute(QUERY, {"n": n})]
    finally:
        connection.close()
