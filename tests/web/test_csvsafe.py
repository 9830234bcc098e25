"""The one function every CSV export writes its cells through (issue 14, finding 6).

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets. Such text gets a leading apostrophe, which the
spreadsheet shows as plain text; every other value is written as it is.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlinterview.web.csvsafe import FORMULA_STARTS, safe_cell, writer

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list, written out by hand

# Any text, with the dangerous starts made likely.
cell_text = st.one_of(
    st.text(), st.builds(lambda first, rest: first + rest, st.sampled_from(DANGEROUS), st.text())
)


def test_the_escaped_starts_are_owasps_list():
    assert set(FORMULA_STARTS) == set(DANGEROUS)


@given(cell_text)
def test_no_escaped_cell_starts_like_a_formula(text):
    assert not safe_cell(text).startswith(DANGEROUS)


@given(cell_text)
def test_safe_text_is_unchanged_and_dangerous_text_only_gains_an_apostrophe(text):
    expected = "'" + text if text.startswith(DANGEROUS) else text
    assert safe_cell(text) == expected


@pytest.mark.parametrize("value", [3, -7, 0.5, -0.25, True, None])
def test_numbers_and_other_non_text_values_pass_unchanged(value):
    assert safe_cell(value) is value


@given(st.lists(cell_text, min_size=1, max_size=6))
def test_every_cell_of_a_written_row_reads_back_escaped(row):
    out = io.StringIO(newline="")
    writer(out).writerows([row, row])
    read = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert read == [[safe_cell(text) for text in row]] * 2
    assert not any(cell.startswith(DANGEROUS) for cells in read for cell in cells)


def test_every_csv_writer_in_the_app_is_the_safe_one():
    """A new export written with ``csv.writer`` directly would skip the escaping."""
    package = Path(__file__).resolve().parents[2] / "mlinterview"
    direct = re.compile(r"\bcsv\s*\.\s*(writer|DictWriter)\b")
    offenders = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path.name != "csvsafe.py" and direct.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"write CSV through mlinterview.web.csvsafe.writer instead: {offenders}"
