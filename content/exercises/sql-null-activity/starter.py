import sqlite3

ACTIVITY = """
-- one row per customer: customer_id, name, recent_orders, rated_orders (the parameter is :since)
"""

NEVER_ORDERED = """
-- the customer_id of each customer with no order at all
"""


def activity_report(customers: list[tuple], orders: list[tuple], since: str) -> dict:
    """{"activity": [(customer_id, name, recent_orders, rated_orders), ...], "never_ordered": [ids]}."""
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
