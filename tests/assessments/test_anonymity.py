"""Anonymous review: a reviewer sees "Candidate #0001" aliases, never a name or an e-mail, until
they have committed their own review of that attempt; then the name (only the name) is shown to
them, and still not to any other reviewer. Checked in every channel that shows a candidate: the
shortlist page, the attempt page, the CSV export, the PDF report and the API."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from mlinterview.web.api.models import ApiToken
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.attempts import submitted_attempt

pytestmark = pytest.mark.django_db

NAMES = {"Zenobia Quarrington": "zenobia.q@example.com", "Thaddeus Okonkwo-Bray": "thaddeus.ob@example.com"}


def pdf_text(data: bytes, tmp_path) -> str:
    """The text of a PDF as a reader sees it, plus its metadata (poppler's pdftotext and pdfinfo)."""
    assert data.startswith(b"%PDF-")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return text.stdout + "\n" + info.stdout


class Channels:
    """Everything one reviewer can read about one assessment, as text."""

    def __init__(self, user, assessment_pk: int, tmp_path) -> None:
        self.client = Client()
        self.client.force_login(user)
        _, key = ApiToken.issue(user, "anonymity test")
        self.auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
        self.pk = assessment_pk
        self.tmp_path = tmp_path

    def shortlist_page(self) -> str:
        return self.client.get(f"/assessments/{self.pk}/shortlist/").content.decode()

    def csv_rows(self) -> list[dict[str, str]]:
        response = self.client.get(f"/assessments/{self.pk}/shortlist/?format=csv")
        assert response["Content-Type"].startswith("text/csv")
        return list(csv.DictReader(io.StringIO(response.content.decode())))

    def attempt_page(self, attempt: m.Attempt) -> str:
        return self.client.get(f"/assessments/{self.pk}/attempts/{attempt.pk}/").content.decode()

    def pdf(self, attempt: m.Attempt) -> str:
        response = self.client.get(f"/assessments/{self.pk}/attempts/{attempt.pk}/report.pdf")
        assert response["Content-Type"] == "application/pdf"
        return pdf_text(response.content, self.tmp_path)

    def api_shortlist(self) -> list[dict]:
        response = self.client.get(f"/api/assessments/{self.pk}/shortlist", **self.auth)
        assert response.status_code == 200
        return response.json()

    def api_attempt(self, attempt: m.Attempt) -> dict:
        response = self.client.get(f"/api/attempts/{attempt.pk}", **self.auth)
        assert response.status_code == 200
        return response.json()

    def everything(self, attempts: list[m.Attempt]) -> dict[str, str]:
        out = {"shortlist page": self.shortlist_page(), "csv": str(self.csv_rows())}
        out["api shortlist"] = str(self.api_shortlist())
        for attempt in attempts:
            out[f"attempt page {attempt.pk}"] = self.attempt_page(attempt)
            out[f"pdf {attempt.pk}"] = self.pdf(attempt)
            out[f"api attempt {attempt.pk}"] = str(self.api_attempt(attempt))
        return out


def _leaks(text: str, name: str) -> list[str]:
    email = NAMES[name]
    return [part for part in (*name.split(), email, email.split("@")[0]) if part in text]


@pytest.fixture
def review(published, recruiter, interviewer, django_user_model, tmp_path):
    """Two submitted attempts, and two interviewers who review them."""
    iris = django_user_model.objects.create_user("iris", password="pw-for-tests-only", is_staff=True)
    iris.groups.add(Group.objects.get(name="interviewer"))
    services.assign_reviewers(published.assessment, [interviewer, iris], recruiter)
    zen = submitted_attempt(
        published, recruiter, "Zenobia Quarrington", NAMES["Zenobia Quarrington"], [0.9, 0.9, 0.9]
    )
    tad = submitted_attempt(
        published, recruiter, "Thaddeus Okonkwo-Bray", NAMES["Thaddeus Okonkwo-Bray"], [0.3, 0.5, 0.7]
    )
    pk = published.assessment.pk
    return {
        "zen": zen,
        "tad": tad,
        "ivan": Channels(interviewer, pk, tmp_path),
        "iris": Channels(iris, pk, tmp_path),
    }


def test_before_commit_every_channel_shows_only_aliases(review):
    zen, tad = review["zen"], review["tad"]
    ivan = review["ivan"]
    for where, text in ivan.everything([zen, tad]).items():
        assert not _leaks(text, "Zenobia Quarrington"), where
        assert not _leaks(text, "Thaddeus Okonkwo-Bray"), where
    zen_alias, tad_alias = zen.invitation.candidate.alias, tad.invitation.candidate.alias
    assert zen_alias.startswith("Candidate #") and zen_alias != tad_alias

    # Each channel names the candidate by the alias, in rank order (Zenobia's 90% first).
    assert [row["candidate"] for row in ivan.csv_rows()] == [zen_alias, tad_alias]
    assert [row["candidate"] for row in ivan.api_shortlist()] == [zen_alias, tad_alias]
    page = ivan.shortlist_page()
    assert page.index(zen_alias) < page.index(tad_alias)
    assert f"<h1>{zen_alias}</h1>" in ivan.attempt_page(zen)
    report = ivan.pdf(zen)
    assert report.startswith(zen_alias) and f"Report: {zen_alias}\n" in report  # heading, metadata title
    api = ivan.api_attempt(zen)
    assert api["candidate"] == zen_alias and api["identity_revealed"] is False


def test_commit_reveals_the_name_to_that_reviewer_for_that_attempt_only(review):
    zen, tad = review["zen"], review["tad"]
    ivan, iris = review["ivan"], review["iris"]
    response = ivan.client.post(f"/assessments/{ivan.pk}/attempts/{zen.pk}/commit/")
    assert response["Location"] == f"/assessments/{ivan.pk}/attempts/{zen.pk}/"
    assert m.ReviewCommit.objects.filter(attempt=zen).count() == 1
    assert m.AuditEvent.objects.filter(action="review.commit", target=f"attempt:{zen.pk}").count() == 1

    tad_alias = tad.invitation.candidate.alias
    assert [row["candidate"] for row in ivan.csv_rows()] == ["Zenobia Quarrington", tad_alias]
    assert [row["candidate"] for row in ivan.api_shortlist()] == ["Zenobia Quarrington", tad_alias]
    page = ivan.shortlist_page()
    assert "Zenobia Quarrington" in page and tad_alias in page
    assert "<h1>Zenobia Quarrington</h1>" in ivan.attempt_page(zen)
    assert 'id="commit-review"' not in ivan.attempt_page(zen)
    assert 'id="commit-review"' in ivan.attempt_page(tad)
    assert "Zenobia Quarrington" in ivan.pdf(zen)
    api = ivan.api_attempt(zen)
    assert api["candidate"] == "Zenobia Quarrington" and api["identity_revealed"] is True
    # The e-mail is never part of a review, committed or not; the other attempt stays anonymous.
    for where, text in ivan.everything([zen, tad]).items():
        assert NAMES["Zenobia Quarrington"] not in text, where
        assert not _leaks(text, "Thaddeus Okonkwo-Bray"), where

    # Another reviewer who has not committed still sees aliases only, everywhere.
    for where, text in iris.everything([zen, tad]).items():
        assert not _leaks(text, "Zenobia Quarrington"), where
        assert not _leaks(text, "Thaddeus Okonkwo-Bray"), where
    assert iris.api_attempt(zen)["identity_revealed"] is False


def test_commit_through_the_api_reveals_the_name_to_that_reviewer(review):
    zen = review["zen"]
    ivan, iris = review["ivan"], review["iris"]
    response = iris.client.post(f"/api/attempts/{zen.pk}/commit", **iris.auth)
    assert response.status_code == 200
    body = response.json()
    assert body["candidate"] == "Zenobia Quarrington" and body["identity_revealed"] is True
    assert iris.csv_rows()[0]["candidate"] == "Zenobia Quarrington"
    assert "<h1>Zenobia Quarrington</h1>" in iris.attempt_page(zen)
    assert ivan.api_attempt(zen)["candidate"] == zen.invitation.candidate.alias
    assert not _leaks(ivan.pdf(zen), "Zenobia Quarrington")
    # Committing twice records one commit.
    iris.client.post(f"/api/attempts/{zen.pk}/commit", **iris.auth)
    assert m.ReviewCommit.objects.filter(attempt=zen).count() == 1
    assert m.AuditEvent.objects.filter(action="review.commit").count() == 1
