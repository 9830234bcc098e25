"""The shortlist export opens safely in a spreadsheet (issue 14, finding 6: formula injection).

A candidate chooses their own name. Named ``=HYPERLINK(...)``, they would make the reviewer's
spreadsheet show a link (or, with other formulas, fetch a URL or run a command) when the shortlist
CSV is opened. The export must write such a name as text: a leading apostrophe (OWASP's advice).
The escaping function itself is tested in tests/web/test_csvsafe.py.
"""

from __future__ import annotations

import csv
import io

import pytest

from mlinterview.web.assessments import services
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

QUESTIONS = ["type-1-vs-type-2-errors", "loss-function"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list, written out by hand
HOSTILE = '=HYPERLINK("http://x","y")'
NAMES = [HOSTILE, "+1+1", "-2+3", "@SUM(A1:A9)", "Ada Lovelace", "O'Brien"]


def _export(client, recruiter) -> list[list[str]]:
    import_small_bank(QUESTIONS)
    assessment = services.create_assessment("Screen", recruiter, time_limit_minutes=30)
    version = assessment.latest
    services.set_items(version, [services.ItemSpec("question", slug) for slug in QUESTIONS], recruiter)
    services.publish(version, recruiter)
    for number, name in enumerate(NAMES):
        invitation, _ = services.invite(version, name, f"c{number}@example.com", recruiter)
        attempt = services.start_attempt(invitation)
        services.submit(attempt)
        services.commit_review(attempt, recruiter)  # committed: the export shows real names
    client.force_login(recruiter)
    response = client.get(f"/assessments/{assessment.pk}/shortlist/?format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode(), newline="")))


def test_a_candidate_named_like_a_formula_is_exported_as_text(client, recruiter):
    rows = _export(client, recruiter)
    header, body = rows[0], rows[1:]
    names = [row[header.index("candidate")] for row in body]
    assert "'" + HOSTILE in names
    assert sorted(names) == sorted("'" + n if n.startswith(DANGEROUS) else n for n in NAMES)


def test_no_cell_of_the_shortlist_export_starts_like_a_formula(client, recruiter):
    for row in _export(client, recruiter):
        for cell in row:
            assert not cell.startswith(DANGEROUS), f"{cell!r} would be read as a formula"
