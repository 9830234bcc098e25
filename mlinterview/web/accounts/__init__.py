"""Accounts: the custom user model, staff roles and their permissions, and hiring teams with
each member's role in them (``teams``: the facts the object rules in ``assessments/access.py``
and ``interviews/access.py`` are built on).

May import: Django only; every other web app may import it.
"""
