"""Object-level access (issue 14, finding 1): teams, assessment owners and assigned reviewers.

Two hiring teams, A and B, each with a published assessment and submitted attempts; one candidate
(Sam) applied to both. Each test plays one attack through the pages or the API and checks what the
attacker got (rows, names, database changes), not only the status code:

- an interviewer of team A who is not assigned to A's assessment opens, overrides, reveals or
  exports nothing of it;
- a recruiter of team B sees and changes nothing of team A (assessments, invitations, candidates,
  interviews, failed jobs), and acting on the shared candidate touches only team B's invitation;
- changing a score needs its own permission, even for an assigned reviewer.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from mlinterview.web.accounts.models import Membership, Team
from mlinterview.web.accounts.teams import add_member
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.interviews import models as im
from tests.api.client import Api
from tests.assessments.attempts import score_at, submitted_attempt
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

SLUGS = ["type-1-vs-type-2-errors", "loss-function"]
SAM = "sam.shared@example.com"


def _user(django_user_model, name: str, group: str | None):
    user = django_user_model.objects.create_user(name, password="pw-for-tests-only", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _published(title: str, owner, slugs=SLUGS) -> m.AssessmentVersion:
    assessment = services.create_assessment(title, owner, time_limit_minutes=30)
    version = assessment.latest
    services.set_items(version, [services.ItemSpec("question", s) for s in slugs], owner)
    services.publish(version, owner)
    return version


class World:
    """Who is who, and what each team owns."""

    def __init__(self, django_user_model) -> None:
        import_small_bank(SLUGS)
        self.team_a = Team.objects.create(name="Team A")
        self.team_b = Team.objects.create(name="Team B")
        self.rita = _user(django_user_model, "rita", "recruiter")  # recruits for A
        self.bob = _user(django_user_model, "bob", "recruiter")  # recruits for B
        self.ivan = _user(django_user_model, "ivan", "interviewer")  # A, assigned to A's screen
        self.nora = _user(django_user_model, "nora", "interviewer")  # A, not assigned
        self.admin = _user(django_user_model, "ada-admin", "admin")  # in no team
        add_member(self.team_a, self.rita, Membership.Role.RECRUITER)
        add_member(self.team_b, self.bob, Membership.Role.RECRUITER)
        add_member(self.team_a, self.ivan, Membership.Role.INTERVIEWER)
        add_member(self.team_a, self.nora, Membership.Role.INTERVIEWER)

        self.version_a = _published("Team A screen", self.rita)
        self.version_b = _published("Team B screen", self.bob)
        self.a, self.b = self.version_a.assessment, self.version_b.assessment
        services.assign_reviewers(self.a, [self.ivan], self.rita)

        self.alice = submitted_attempt(
            self.version_a, self.rita, "Alice Only-A", "alice@example.com", [0.6, 0.4]
        )
        self.sam_a = submitted_attempt(self.version_a, self.rita, "Sam Shared", SAM, [0.5, 0.5])
        # Team B invites the same person: same email, so the same Candidate row today.
        self.sam_b_invitation, self.sam_b_token = services.invite(self.version_b, "Sam Shared", SAM, self.bob)
        self.bert = submitted_attempt(self.version_b, self.bob, "Bert Only-B", "bert@example.com", [0.9, 0.1])


@pytest.fixture
def w(django_user_model) -> World:
    return World(django_user_model)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _attempt_url(attempt: m.Attempt, suffix: str = "") -> str:
    return f"/assessments/{attempt.invitation.version.assessment_id}/attempts/{attempt.pk}/{suffix}"


# --- an interviewer who is not assigned ------------------------------------------------------


def test_an_unassigned_interviewer_cannot_open_an_attempt_page_or_api(w):
    assert _client(w.ivan).get(_attempt_url(w.alice)).status_code == 200  # the assigned one can
    page = _client(w.nora).get(_attempt_url(w.alice))
    assert page.status_code == 404 and b"My answer to item" not in page.content
    assert Api(w.ivan).get(f"/attempts/{w.alice.pk}").status_code == 200
    response = Api(w.nora).get(f"/attempts/{w.alice.pk}")
    assert response.status_code == 404 and "My answer" not in response.content.decode()


def test_an_unassigned_interviewer_cannot_override_or_retry_a_score(w):
    score = score_at(w.alice, 0)
    response = _client(w.nora).post(
        _attempt_url(w.alice, f"scores/{score.pk}/override/"), {"value": "5", "reason": "sabotage"}
    )
    assert response.status_code == 404
    assert Api(w.nora).post(f"/scores/{score.pk}/override", {"value": 0.05, "reason": "x"}).status_code == 404
    assert not m.Override.objects.exists()
    m.Score.objects.filter(pk=score.pk).update(status=m.Score.Status.FAILED, auto_value=None)
    assert _client(w.nora).post(_attempt_url(w.alice, f"scores/{score.pk}/retry/")).status_code == 404
    assert Api(w.nora).post(f"/scores/{score.pk}/retry").status_code == 404
    jobs = _client(w.nora).post("/assessments/jobs/", {"score": score.pk})
    assert jobs.status_code == 404
    assert m.Score.objects.get(pk=score.pk).status == m.Score.Status.FAILED


def test_an_unassigned_interviewer_cannot_reveal_names(w):
    assert _client(w.nora).post(_attempt_url(w.alice, "commit/")).status_code == 404
    response = Api(w.nora).post(f"/attempts/{w.alice.pk}/commit")
    assert response.status_code == 404 and "Alice" not in response.content.decode()
    assert not m.ReviewCommit.objects.filter(reviewer=w.nora).exists()


def test_an_unassigned_interviewer_cannot_export_the_shortlist_or_a_report(w):
    csv_response = _client(w.nora).get(f"/assessments/{w.a.pk}/shortlist/?format=csv")
    assert csv_response.status_code == 404 and b"Candidate #" not in csv_response.content
    assert _client(w.nora).get(f"/assessments/{w.a.pk}/shortlist/").status_code == 404
    assert Api(w.nora).get(f"/assessments/{w.a.pk}/shortlist").status_code == 404
    pdf = _client(w.nora).get(_attempt_url(w.alice, "report.pdf"))
    assert pdf.status_code == 404 and pdf.get("Content-Type") != "application/pdf"
    assert not m.AuditEvent.objects.filter(actor=w.nora).exists()
    # The assigned interviewer exports A's shortlist, with A's candidates only (as aliases).
    rows = list(
        csv.DictReader(
            io.StringIO(_client(w.ivan).get(f"/assessments/{w.a.pk}/shortlist/?format=csv").content.decode())
        )
    )
    assert sorted(r["candidate"] for r in rows) == sorted(
        [w.alice.invitation.candidate.alias, w.sam_a.invitation.candidate.alias]
    )


# --- overriding is its own permission --------------------------------------------------------


def test_overriding_a_score_needs_its_own_permission(w):
    score = score_at(w.alice, 1)
    url = _attempt_url(w.alice, f"scores/{score.pk}/override/")
    # ivan may review the attempt (assigned) but his role does not include changing scores.
    assert _client(w.ivan).post(url, {"value": "90", "reason": "generous"}).status_code == 403
    assert Api(w.ivan).post(f"/scores/{score.pk}/override", {"value": 0.9, "reason": "x"}).status_code == 403
    assert not m.Override.objects.exists()
    assert _client(w.rita).post(url, {"value": "90", "reason": "The answer is right"}).status_code == 302
    assert m.Override.objects.get().reviewer == w.rita
    # Granted the permission on its own, ivan may.
    from django.contrib.auth.models import Permission

    w.ivan.user_permissions.add(Permission.objects.get(codename="override_scores"))
    response = Api(type(w.ivan).objects.get(pk=w.ivan.pk)).post(
        f"/scores/{score.pk}/override", {"value": 0.8, "reason": "Second look"}
    )
    assert response.status_code == 201 and m.Override.objects.count() == 2


# --- a recruiter of another team -------------------------------------------------------------


def test_a_recruiter_of_team_b_lists_only_team_b(w):
    page = _client(w.bob).get("/assessments/").content.decode()
    assert "Team B screen" in page and "Team A screen" not in page
    assert [a["id"] for a in Api(w.bob).get("/assessments").json()] == [w.b.pk]
    assert {a["id"] for a in Api(w.rita).get("/assessments").json()} == {w.a.pk}
    assert {a["id"] for a in Api(w.admin).get("/assessments").json()} == {w.a.pk, w.b.pk}
    invitations = Api(w.bob).get(f"/assessments/{w.b.pk}/invitations").json()
    assert sorted(i["email"] for i in invitations) == sorted([SAM, "bert@example.com"])


def test_a_recruiter_of_team_b_cannot_open_or_change_team_a(w):
    bob, api = _client(w.bob), Api(w.bob)
    for path in ("", "shortlist/", "shortlist/?format=csv", f"attempts/{w.alice.pk}/"):
        response = bob.get(f"/assessments/{w.a.pk}/{path}")
        assert response.status_code == 404 and b"Alice" not in response.content, path
    for path in ("", "/invitations", "/shortlist"):
        assert api.get(f"/assessments/{w.a.pk}{path}").status_code == 404, path
    assert api.get(f"/attempts/{w.alice.pk}").status_code == 404
    items_before = list(w.a.latest.items.values_list("pk", flat=True))
    assert bob.post(f"/assessments/{w.a.pk}/settings/", {"minutes": "99"}).status_code == 404
    assert bob.post(f"/assessments/{w.a.pk}/items/0/remove/").status_code == 404
    assert bob.post(f"/assessments/{w.a.pk}/publish/").status_code == 404
    assert (
        bob.post(f"/assessments/{w.a.pk}/invite/", {"name": "Mallory", "email": "m@example.com"}).status_code
        == 404
    )
    assert (
        api.post(
            f"/assessments/{w.a.pk}/invitations", {"name": "Mallory", "email": "m@example.com"}
        ).status_code
        == 404
    )
    assert api.post(f"/assessments/{w.a.pk}/publish").status_code == 404
    assert not m.Invitation.objects.filter(candidate__email="m@example.com").exists()
    assert list(w.a.latest.items.values_list("pk", flat=True)) == items_before
    assert m.Assessment.objects.get(pk=w.a.pk).versions.count() == 1  # no draft was started


def test_a_recruiter_of_team_b_cannot_delete_a_team_a_candidate(w):
    alice = w.alice.invitation.candidate
    assert _client(w.bob).post(_attempt_url(w.alice, "delete/")).status_code == 404
    assert Api(w.bob).delete(f"/candidates/{alice.pk}").status_code == 404
    alice.refresh_from_db()
    assert alice.name == "Alice Only-A" and alice.anonymised_at is None


def test_deleting_a_shared_candidate_touches_only_the_teams_own_invitations(w):
    sam = w.sam_a.invitation.candidate
    assert w.sam_b_invitation.candidate_id == sam.pk  # one person for the organisation
    assert Api(w.bob).delete(f"/candidates/{sam.pk}").status_code == 204
    sam.refresh_from_db()
    assert sam.name == "Sam Shared" and sam.email == SAM and sam.anonymised_at is None  # team A's view
    assert m.Invitation.objects.filter(candidate=sam).get().version == w.version_a
    moved = m.Invitation.objects.get(pk=w.sam_b_invitation.pk)
    assert moved.candidate.anonymised_at is not None and moved.candidate.name == ""
    with pytest.raises(services.InvalidToken):  # team B's link is ended ...
        services.resolve_token(w.sam_b_token)
    # ... and team A still reads Sam's name once its reviewer has committed.
    services.commit_review(w.sam_a, w.rita)
    assert "Sam Shared" in _client(w.rita).get(_attempt_url(w.sam_a)).content.decode()


def test_a_recruiter_of_team_b_cannot_open_team_a_interviews(w):
    interview = im.Interview.objects.create(
        candidate_name="Grace Hidden", level="mid", minutes=30, created_by=w.rita, team=w.team_a
    )
    interview.panel.set([w.ivan])
    assert _client(w.ivan).get(f"/interviews/{interview.pk}/").status_code == 200
    for user in (w.bob, w.nora):
        for path in ("", "debrief/"):
            response = _client(user).get(f"/interviews/{interview.pk}/{path}")
            assert response.status_code == 404 and b"Grace Hidden" not in response.content, (user, path)
    assert _client(w.rita).get(f"/interviews/{interview.pk}/debrief/").status_code in (200, 403)


def test_the_jobs_page_lists_only_failed_jobs_the_user_may_see(w):
    for attempt in (w.alice, w.bert):
        m.Score.objects.filter(pk=score_at(attempt, 0).pk).update(
            status=m.Score.Status.FAILED, auto_value=None
        )
    bob_page = _client(w.bob).get("/assessments/jobs/").content.decode()
    assert "Team B screen" in bob_page and "Team A screen" not in bob_page
    admin_page = _client(w.admin).get("/assessments/jobs/").content.decode()
    assert "Team B screen" in admin_page and "Team A screen" in admin_page


def test_retry_all_puts_back_only_the_failed_jobs_the_user_may_see(w):
    for attempt in (w.alice, w.bert):
        m.Score.objects.filter(pk=score_at(attempt, 0).pk).update(
            status=m.Score.Status.FAILED, auto_value=None
        )
    client = _client(w.bob)
    client.post("/assessments/jobs/", {"score": "all"})
    assert m.Score.objects.get(pk=score_at(w.bert, 0).pk).status != m.Score.Status.FAILED
    assert m.Score.objects.get(pk=score_at(w.alice, 0).pk).status == m.Score.Status.FAILED


def test_an_interview_panel_is_chosen_among_the_creators_teams(w, django_user_model):
    """Team B's recruiter neither sees team A's interviewers in the panel picker nor can put them on
    a panel; an administrator may pick anyone."""
    bob = _client(w.bob)
    page = bob.get("/interviews/").content.decode()
    assert "bob" in page and "ivan" not in page and "nora" not in page
    bob.post(
        "/interviews/", {"candidate": "Pat", "level": "mid", "minutes": "30", "panel": [w.ivan.pk, w.bob.pk]}
    )
    interview = im.Interview.objects.get(candidate_name="Pat")
    assert list(interview.panel.values_list("username", flat=True)) == ["bob"]
    admin_page = _client(w.admin).get("/interviews/").content.decode()
    assert "ivan" in admin_page and "bob" in admin_page


def test_reviewers_in_no_team_can_sit_on_anyones_panel(w, django_user_model):
    """An install that has not set up teams (or a reviewer not yet in one) still has panels."""
    _user(django_user_model, "tess", "interviewer")  # in no team
    page = _client(w.bob).get("/interviews/").content.decode()
    assert "tess" in page and "ivan" not in page


# --- defaults and upgrades -------------------------------------------------------------------


def test_a_new_assessment_belongs_to_its_creators_team(w):
    created = Api(w.bob).post("/assessments", {"title": "B second"})
    assert created.status_code == 201
    assessment = m.Assessment.objects.get(pk=created.json()["id"])
    assert (assessment.team, assessment.owner) == (w.team_b, w.bob)
    with pytest.raises(services.AssessmentError):
        services.create_assessment("Sneaky", w.bob, team=w.team_a)


def test_the_upgrade_puts_existing_work_in_a_default_team_that_holds_every_staff_user(w, django_user_model):
    import importlib

    from django.apps import apps

    m.Assessment.objects.update(team=None, owner=None)
    Team.objects.all().delete()
    migration = importlib.import_module("mlinterview.web.assessments.migrations.0007_default_team")
    migration.default_team(apps, None)
    team = Team.objects.get(name=migration.DEFAULT_TEAM)
    assert set(m.Assessment.objects.values_list("team", flat=True)) == {team.pk}
    roles = dict(Membership.objects.filter(team=team).values_list("user__username", "role"))
    assert roles == {
        "rita": "recruiter",
        "bob": "recruiter",
        "ada-admin": "recruiter",
        "ivan": "interviewer",
        "nora": "interviewer",
    }
    assert m.Assessment.objects.get(pk=w.a.pk).owner == w.rita
    # Interviewers keep the attempts they could open before the upgrade.
    assert _client(w.nora).get(_attempt_url(w.alice)).status_code == 200


def test_calibration_counts_only_the_interviews_the_viewer_may_open(w):
    from mlinterview.web.interviews import services as interviews
    from mlinterview.web.questions.models import Question

    interview = im.Interview.objects.create(
        candidate_name="Grace", level="mid", minutes=30, created_by=w.rita, team=w.team_a
    )
    for position, question in enumerate(Question.objects.filter(slug__in=SLUGS).order_by("slug")):
        im.InterviewQuestion.objects.create(
            interview=interview, question_version=question.current_version, position=position
        )
    interview.panel.set([w.ivan, w.nora])
    for user, value in ((w.ivan, 4), (w.nora, 1)):
        card = interviews.scorecard_for(interview, user)
        interviews.save_ratings(card, {r.item_id: (value, "") for r in card.ratings.all()})
        interviews.submit_scorecard(card, "yes", "Reasons")
    assert "ivan" in _client(w.rita).get("/interviews/calibration/").context["c"].leniency
    assert _client(w.bob).get("/interviews/calibration/").context["c"].leniency == {}


def test_teams_and_assessment_ownership_are_managed_in_the_admin():
    from django.contrib import admin
    from django.core.management import call_command

    assert Team in admin.site._registry and m.Assessment in admin.site._registry
    call_command("check")  # the admin classes' options (inlines, autocomplete, filters) are valid


# --- a team's hiring manager: reads everything of the team, changes none of it ------------------


def test_a_hiring_manager_reads_the_teams_assessments_but_cannot_change_them(w, django_user_model):
    hana = _user(django_user_model, "hana", "interviewer")  # the interviewer group: no build permission
    add_member(w.team_a, hana, Membership.Role.HIRING_MANAGER)
    client, api = _client(hana), Api(hana)

    listing = client.get("/assessments/").content.decode()
    assert "Team A screen" in listing and "Team B screen" not in listing
    assert "Create assessment" not in listing
    page = client.get(f"/assessments/{w.a.pk}/")
    assert page.status_code == 200 and page.context["can_manage"] is False
    html = page.content.decode()
    assert "Team A screen" in html and "alice@example.com" in html  # the team's candidates
    for action in ("/items/add/", "/publish/", "/invite/", "/generate/", "/settings/"):
        assert f"/assessments/{w.a.pk}{action}" not in html, action
    assert client.get(f"/assessments/{w.b.pk}/").status_code == 404
    assert [a["id"] for a in api.get("/assessments").json()] == [w.a.pk]
    assert api.get(f"/assessments/{w.b.pk}").status_code == 404

    before = m.AssessmentItem.objects.filter(version__assessment=w.a).count()
    add = client.post(f"/assessments/{w.a.pk}/items/add/", {"kind": "question", "slug": SLUGS[0]})
    assert add.status_code == 403
    assert client.post("/assessments/", {"title": "By the hiring manager", "minutes": 30}).status_code == 403
    assert m.AssessmentItem.objects.filter(version__assessment=w.a).count() == before
    assert not m.Assessment.objects.filter(title="By the hiring manager").exists()


def test_the_recruiter_still_sees_the_builder_on_the_same_page(w):
    page = _client(w.rita).get(f"/assessments/{w.a.pk}/")
    assert page.context["can_manage"] is True
    assert f"/assessments/{w.a.pk}/invite/" in page.content.decode()


def test_a_hiring_manager_sees_their_teams_calibration_and_an_interviewer_does_not(w, django_user_model):
    hana = _user(django_user_model, "hana", "interviewer")
    add_member(w.team_a, hana, Membership.Role.HIRING_MANAGER)
    assert _client(hana).get("/interviews/calibration/").status_code == 200
    assert _client(w.ivan).get("/interviews/calibration/").status_code == 403
