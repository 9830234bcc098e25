"""Issue 16, point 4: the adverse-impact report's page, CSV and PDF, and who may reach them.

The numbers on the page are worked out by hand from the table in ``web_world.py`` (cut-off 60%):

- Final scores, age band: under 40 has 5 candidates, 4 at or above 60 (90, 80, 70, 65): rate 0.8,
  the highest. 40 and over has 4, 2 selected (75 and the overridden 70): rate 0.5, impact ratio
  0.5 / 0.8 = 0.625, below four-fifths. Fisher, 40 and over against under 40: N = 9 with K = 6
  selected, a group of n = 4 with a = 2; P(a) = C(6, a) C(3, 4 - a) / C(9, 4) gives 0, 6, 45, 60,
  15 (/126) for a = 0..4, and the two-sided p sums those no more likely than 45: 66/126 = 0.5238.
  Unknown: the "Prefer not to say" candidate and the one who answered nothing, 2.
- Median of all 11 final totals (10 20 30 50 65 70 70 75 80 90 95) is 70; strictly above it:
  under 40 has 90, 80 (2 of 5, 0.4), 40 and over has 75 (1 of 4, 0.25): ratio 0.625.
- The automatic grader before review: the overridden attempt has 40, so 40 and over has 1 of 4
  selected (0.25), ratio 0.25 / 0.8 = 0.3125; Fisher: K = 5, P(a) = C(5, a) C(4, 4 - a) / 126 gives
  1, 20, 60, 40, 5 for a = 0..4, observed a = 1: p = (1 + 20 + 5)/126 = 0.2063.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess

import pytest
from django.db import transaction
from django.test import Client

from mlinterview.fairness import COLUMNS
from mlinterview.web.assessments import models as m
from mlinterview.web.fairness.models import Category
from tests.fairness.web_world import AGE, MARKER, REGION, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, rolled back at the end (each test runs in a savepoint)."""
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)


def _client(world, role: str | None) -> Client:
    client = Client()
    if role:
        client.force_login(world.users[role])
    return client


def _url(world, query: str = "") -> str:
    return f"/fairness/assessments/{world.version.assessment.pk}/{query}"


def _tables(page: str) -> list[tuple[str, str, dict[str, list[str]]]]:
    """Every report table in page order: (category, caption, {group: [cell texts]})."""
    found = []
    for category, body in re.findall(
        r'<table class="grid fairness" data-category="([^"]+)">(.*?)</table>', page, re.S
    ):
        caption = re.sub(r"\s+", " ", re.search(r"<caption>(.*?)</caption>", body, re.S).group(1))
        rows = {}
        for group, cells in re.findall(r'<th scope="row">(.*?)</th>(.*?)</tr>', body, re.S):
            rows[html.unescape(group)] = [
                re.sub(r"<[^>]+>", "", cell).strip()
                for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)
            ]
        found.append((html.unescape(category), html.unescape(caption), rows))
    return found


def test_the_page_shows_the_hand_computed_numbers(world):
    response = _client(world, "auditor").get(_url(world, "?cutoff=60"))
    assert response.status_code == 200
    tables = _tables(response.content.decode())
    intersection = f"{AGE} × {REGION}"
    # Scores as they stand: selection, then above the median, each for age, region, age × region;
    # then the grader's automatic and final analyses, six tables each.
    assert [t[0] for t in tables[:6]] == [AGE, REGION, intersection] * 2
    age, _, _ = tables[0], tables[1], tables[2]
    assert "unknown: 2" in age[1] and "highest rate: under 40" in age[1]
    #                              candidates selected rate  ratio  flag          Fisher p
    assert age[2]["under 40"][:6] == ["5", "4", "0.800", "1.000", "no", "0.5238"]
    assert age[2]["40 and over"][:6] == ["4", "2", "0.500", "0.625", "below 0.8", "0.5238"]
    assert "only 4 candidates in this group (rule: fewer than 30" in age[2]["40 and over"][6]
    assert "only 2 selected in this group (rule: fewer than 5" in age[2]["40 and over"][6]
    region = tables[1]
    assert "unknown: 1" in region[1]
    assert region[2]["North"][:3] == ["6", "5", "0.833"]  # 90 80 70 75 95 of 90 80 70 75 20 95
    assert region[2]["South"][:3] == ["4", "2", "0.500"]  # 65 70 of 65 30 70 10
    crossed = tables[2][2]
    assert crossed["under 40 × North"][:4] == ["3", "3", "1.000", "1.000"]
    assert crossed["40 and over × South"][:4] == ["2", "1", "0.500", "0.500"]
    assert "unknown: 2" in tables[2][1]
    above = tables[3][2]
    assert above["under 40"][:5] == ["5", "2", "0.400", "1.000", "no"]
    assert above["40 and over"][:5] == ["4", "1", "0.250", "0.625", "below 0.8"]
    page = response.content.decode()
    assert "median 70.00%" in page
    # The grader before review, then the final scores on its items.
    automatic, final = tables[6], tables[12]
    assert automatic[0] == final[0] == AGE
    assert automatic[2]["40 and over"][:6] == ["4", "1", "0.250", "0.313", "below 0.8", "0.2063"]
    assert final[2]["40 and over"][:6] == ["4", "2", "0.500", "0.625", "below 0.8", "0.5238"]
    assert 'src="data:image/png;base64,' in page
    # Each look at the data is in the audit trail, with who, the cut-off and the category.
    event = m.AuditEvent.objects.filter(action="fairness.view").latest("pk")
    assert event.actor == world.users["auditor"] and event.details == {"cutoff": 60.0, "category": ""}


def test_a_category_and_its_intersections_only(world):
    page = _client(world, "auditor").get(_url(world, f"?cutoff=60&category={AGE}")).content.decode()
    assert [t[0] for t in _tables(page)[:2]] == [AGE, f"{AGE} × {REGION}"]
    assert all(t[0] != REGION for t in _tables(page))


def test_the_cut_off_changes_the_selection(world):
    tables = _tables(_client(world, "auditor").get(_url(world, "?cutoff=75")).content.decode())
    # At 75: under 40 has 90, 80 (2 of 5); 40 and over has 75 (1 of 4).
    assert tables[0][2]["under 40"][:3] == ["5", "2", "0.400"]
    assert tables[0][2]["40 and over"][:4] == ["4", "1", "0.250", "0.625"]


def test_csv_rows_are_the_report_written_safely(world):
    Category.objects.filter(name=REGION).update(labels="North\nSouth\n=HYPERLINK(1)")
    from mlinterview.web.fairness.models import SelfIdentification

    SelfIdentification.objects.filter(label="South").update(label="=HYPERLINK(1)")
    response = _client(world, "auditor").get(_url(world, "?cutoff=60&format=csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert tuple(rows[0]) == COLUMNS
    table = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    older = next(
        r
        for r in table
        if r["source"] == "score" and r["measure"] == "selection at cut-off" and r["group"] == "40 and over"
    )
    assert (older["total"], older["selected"], older["impact_ratio"], older["four_fifths_flag"]) == (
        "4",
        "2",
        "0.625",
        "yes",
    )
    assert older["fisher_p_value"].startswith("0.5238")
    groups = {r["group"] for r in table}
    assert "'=HYPERLINK(1)" in groups and "=HYPERLINK(1)" not in groups


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_the_pdf_holds_the_numbers(world, tmp_path):
    response = _client(world, "auditor").get(_url(world, "?cutoff=60&format=pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "impact.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(text.split())
    assert "Adverse impact: Fairness screen" in text
    assert "40 and over 4 2 0.500 0.625 below 0.8 0.5238" in text
    assert "Cut-off 60%" in text


def test_only_the_auditor_and_superusers_reach_the_report(world):
    url = _url(world)
    for query in ("", "?format=csv", "?format=pdf"):
        for role in ("recruiter", "interviewer", "admin"):
            response = _client(world, role).get(url + query)
            assert response.status_code == 403, (role, query)
            assert MARKER.encode() not in response.content and b"40 and over" not in response.content
        assert _client(world, None).get(url + query).status_code == 302  # to the sign-in page
    assert _client(world, "superuser").get(url).status_code == 200
    for role in ("recruiter", "interviewer", "admin"):
        assert _client(world, role).get("/fairness/").status_code == 403
    assert _client(world, "auditor").get("/fairness/").status_code == 200


def test_the_header_link_is_the_auditors_alone(world):
    for role, shown in (("auditor", True), ("superuser", True), ("recruiter", False), ("admin", False)):
        nav = _client(world, role).get("/").content.decode().split('<nav aria-label="Main">', 1)[1]
        assert ('href="/fairness/"' in nav.split("</nav>", 1)[0]) is shown, role


def test_no_page_a_reviewer_reaches_shows_anyones_self_identification(world):
    """Every label a candidate chose is absent from the review pages, the shortlist and its CSV,
    the comparison, the PDF report and the API's shortlist, for the reviewer and the recruiter."""
    from mlinterview.web.fairness.models import SelfIdentification

    SelfIdentification.objects.filter(label="South").update(label=MARKER)
    a = world.version.assessment.pk
    first, second = world.attempts[3], world.attempts[4]  # both labelled MARKER now
    pages = [
        f"/assessments/{a}/",
        f"/assessments/{a}/shortlist/",
        f"/assessments/{a}/shortlist/?format=csv",
        f"/assessments/{a}/compare/?attempt={first.pk}&attempt={second.pk}",
        f"/assessments/{a}/attempts/{first.pk}/",
        "/assessments/",
        "/",
    ]
    # The assigned interviewer reviews, but opens neither the builder nor the list (403 there).
    for role, reached in (("interviewer", pages[1:5] + pages[6:]), ("recruiter", pages)):
        client = _client(world, role)
        for page in reached:
            response = client.get(page)
            assert response.status_code == 200, (role, page)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert MARKER.encode() not in body, (role, page)
            assert b"Age band" not in body and b"40 and over" not in body, (role, page)
    from mlinterview.web.api.models import ApiToken

    key = ApiToken.issue(world.users["recruiter"], "fairness test key")[1]
    api = Client().get(f"/api/assessments/{a}/shortlist", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.status_code == 200 and MARKER.encode() not in api.content


def test_each_grader_is_compared_on_the_items_it_scored(world):
    """A second grader scored only the first item of two attempts: it is compared with the final
    scores of that item alone, and the first grader keeps both items."""
    from mlinterview.web.fairness import report

    first, overridden = world.attempts[0], world.attempts[7]
    for attempt, value in ((first, 0.2), (overridden, 0.9)):
        answer = attempt.answers.order_by("item__position").first()
        m.Score.objects.create(
            answer=answer, grader="second-reader", status=m.Score.Status.DONE, auto_value=value
        )
    people = {p.attempt_id: p for p in report.candidates(world.version.assessment)}
    primary = m.Score.objects.filter(primary=True).values_list("grader", flat=True).first()
    assert people[first.pk].graders == {primary: (90.0, 90.0), "second-reader": (20.0, 90.0)}
    # Automatic 40 on both items; a reviewer made both 70.
    assert people[overridden.pk].graders == {primary: (40.0, 70.0), "second-reader": (90.0, 70.0)}
    assert people[overridden.pk].score == 70.0
    built = report.build(list(people.values()), 60.0, [AGE, REGION])
    assert [g.grader for g in built.graders] == [primary, "second-reader"]
    assert built.graders[1].automatic.scored == built.graders[1].final.scored == 2


def test_an_unreviewed_attempt_has_no_final_score_to_compare(world):
    from mlinterview.web.fairness import report

    m.ReviewCommit.objects.filter(attempt=world.attempts[0]).delete()
    people = {p.attempt_id: p for p in report.candidates(world.version.assessment)}
    assert {final for _, final in people[world.attempts[0].pk].graders.values()} == {None}
    assert people[world.attempts[0].pk].score == 90.0  # it still counts in the scores as they stand


def test_the_page_without_categories_or_scores_says_so(world):
    Category.objects.all().delete()
    page = _client(world, "auditor").get(_url(world)).content.decode()
    assert "No categories to report." in page and "cut-off 60%" in page
    m.Score.objects.filter(answer__attempt=world.attempts[0], primary=True).update(
        status=m.Score.Status.FAILED, auto_value=None
    )
    page = _client(world, "auditor").get(_url(world, "?cutoff=abc")).content.decode()
    assert "1 not fully scored yet" in page and "The cut-off must be a number" in page


def test_the_auditor_sees_counts_not_the_candidates_answers_or_names(world):
    """The role opens the report only: not the assessment, its shortlist, an attempt or the bank."""
    client = _client(world, "auditor")
    a, attempt = world.version.assessment.pk, world.attempts[0].pk
    for page in (f"/assessments/{a}/shortlist/", f"/assessments/{a}/attempts/{attempt}/", "/bank/"):
        assert client.get(page).status_code in (403, 404), page
    report_page = client.get(_url(world)).content.decode()
    assert "Person 0" not in report_page and "person0@example.com" not in report_page
