"""Accounts: the custom user model, staff roles and their permissions.

May import: Django only; every other web app may import it.
"""
