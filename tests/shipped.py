"""The shipped question bank, read once per test process.

Reading and validating ``content/`` takes one to two seconds; the bank is a frozen value that
``import_bank`` and the scorers only read, so every test that needs the shipped content (not a
test of the loader itself) shares this one copy.
"""

from __future__ import annotations

import functools

from mlinterview.bank import Bank, load_bank


@functools.cache
def shipped_bank() -> Bank:
    return load_bank()
