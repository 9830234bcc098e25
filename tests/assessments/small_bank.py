"""A bank of just the questions a test module uses: importing all 445 takes seconds a test."""

from __future__ import annotations

import dataclasses
import functools

from mlinterview.bank import Bank
from mlinterview.web.questions.importer import import_bank
from tests.shipped import shipped_bank


@functools.cache
def small_bank(slugs: tuple[str, ...]) -> Bank:
    full = shipped_bank()  # the bank is frozen, and import_bank only reads it
    return dataclasses.replace(full, questions={slug: full.questions[slug] for slug in slugs})


def import_small_bank(slugs: list[str]) -> Bank:
    """Import only these questions into the test database and return that bank."""
    bank = small_bank(tuple(slugs))
    import_bank(bank)
    return bank
