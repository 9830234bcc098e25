"""Roles, not Django's hidden "Staff status" flag (issue 15, point 9).

A member of the ``interviewer`` group whom nobody ticked "Staff status" for used to be left off
every interview panel, refused the question bank, the API keys page and the API, and missing from
the reviewers an assessment can be assigned. Each test here makes its people the way the product
does (a group in the admin, a seat in a team), never with ``is_staff=True``, and checks what they
can open and where they are offered. The admin group is the exception: an administrator works in
Django's admin site, which needs the flag, so joining the group through the admin's user form
sets it, and leaving takes it away.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from mlinterview.web.accounts.models import Membership, Team
from mlinterview.web.accounts.teams import add_member
from mlinterview.web.api.models import ApiToken
from mlinterview.web.assessments import services
from mlinterview.web.interviews.access import panel_choices

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-only"


def _person(name: str, group: str | None = None, team: Team | None = None, role: str = "interviewer"):
    user = get_user_model().objects.create_user(name, password=PASSWORD, display_name=name.title())
    assert not user.is_staff
    if group:
        user.groups.add(Group.objects.get(name=group))
    if team:
        add_member(team, user, role)
    return user


@pytest.fixture
def people():
    team, other = Team.objects.create(name="Search"), Team.objects.create(name="Ads")
    return {
        "rita": _person("rita", "recruiter", team, Membership.Role.RECRUITER),
        "ivy": _person("ivy", "interviewer", team),
        "otto": _person("otto", "interviewer", other),  # another team's interviewer
        "nora": _person("nora", "interviewer"),  # in no team (an install without teams)
        "paul": _person("paul"),  # a practice user: no role
        "team": team,
    }


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _offered(page: str) -> set[str]:
    """The names in the interview form's panel checkboxes."""
    return set(re.findall(r'<input type="checkbox" name="panel" value="\d+"[^>]*> ([^<]+)</label>', page))


def test_an_interviewer_without_the_staff_flag_is_offered_for_a_panel(people):
    page = _client(people["rita"]).get("/interviews/")
    assert page.status_code == 200
    assert _offered(page.content.decode()) == {"Rita", "Ivy", "Nora"}  # not Otto (Ads), not Paul
    assert set(panel_choices(people["rita"])) == {people["rita"], people["ivy"], people["nora"]}


def test_an_interviewer_without_the_staff_flag_sits_on_a_panel_and_opens_the_interview(people):
    from mlinterview.web.interviews import models as im

    rita, ivy = people["rita"], people["ivy"]
    interview = im.Interview.objects.create(
        candidate_name="Casey Candidate", level="mid", minutes=30, created_by=rita, team=people["team"]
    )
    interview.panel.set(panel_choices(rita).filter(pk__in=[rita.pk, ivy.pk]))
    assert set(interview.panel.all()) == {rita, ivy}
    assert "Casey Candidate" in _client(ivy).get("/interviews/").content.decode()
    assert _client(ivy).get(f"/interviews/{interview.pk}/").status_code == 200


def test_a_practice_user_is_offered_for_no_panel_and_sees_no_interviews(people):
    assert people["paul"] not in set(panel_choices(people["rita"]))
    assert _client(people["paul"]).get("/interviews/").status_code == 403


def test_a_role_opens_the_staff_pages_without_the_flag(people):
    ivy = _client(people["ivy"])
    for url in ("/bank/", "/api-keys/", "/api/docs", "/account/two-factor/"):
        assert ivy.get(url).status_code == 200, url
    paul = _client(people["paul"])
    for url in ("/bank/", "/coverage/", "/api-keys/", "/api/docs"):
        assert paul.get(url).status_code == 403, url


def test_the_api_takes_the_key_of_a_role_without_the_flag(people):
    """The key is accepted (the operation then answers by the owner's permissions: 403 for an
    interviewer listing assessments, which only builders and hiring managers may); a practice
    user's key is no key at all (401)."""
    client = Client()
    _, ivy_key = ApiToken.issue(people["ivy"], "ivy's script")
    _, rita_key = ApiToken.issue(people["rita"], "rita's script")
    _, paul_key = ApiToken.issue(people["paul"], "paul's script")
    assert client.get("/api/assessments", HTTP_AUTHORIZATION=f"Bearer {rita_key}").status_code == 200
    assert client.get("/api/assessments", HTTP_AUTHORIZATION=f"Bearer {ivy_key}").status_code == 403
    assert client.get("/api/assessments", HTTP_AUTHORIZATION=f"Bearer {paul_key}").status_code == 401


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("root", password=PASSWORD)


def test_the_reviewers_an_assessment_can_be_assigned_come_from_the_role_and_team(people, superuser):
    assessment = services.create_assessment("Search screen", people["rita"], time_limit_minutes=30)
    assert assessment.team == people["team"]
    page = _client(superuser).get(f"/admin/assessments/assessment/{assessment.pk}/change/")
    assert page.status_code == 200
    select = page.content.decode().split('name="reviewers"', 1)[1].split("</select>", 1)[0]
    offered = set(re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select))
    # Reviewers of the team (Rita recruits and reviews, Ivy interviews), those in no team (Nora)
    # and superusers (root); never another team's (Otto) nor someone without a role (Paul).
    assert offered == {"Rita", "Ivy", "Nora", "root"}


def _user_form(user, groups: list[int]) -> dict[str, object]:
    """The admin's user change form as a browser would post it (Staff status left unticked)."""
    return {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "groups": groups,
        "user_permissions": [],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "display_name": user.display_name,
    }


def test_joining_the_admin_group_in_the_admin_lets_one_into_the_admin_site(people, superuser):
    admin_group = Group.objects.get(name="admin")
    ada = _person("ada")
    root = _client(superuser)
    url = f"/admin/accounts/user/{ada.pk}/change/"
    saved = root.post(url, _user_form(ada, [admin_group.pk]))
    assert saved.status_code == 302, saved.content.decode()[:2000]
    ada.refresh_from_db()
    assert ada.is_staff and ada.groups.filter(name="admin").exists()
    assert _client(ada).get("/admin/").status_code == 200

    # Leaving the group (again through the form) takes the admin site away.
    assert root.post(url, _user_form(ada, [])).status_code == 302
    ada.refresh_from_db()
    assert not ada.is_staff
    assert _client(ada).get("/admin/").status_code == 302  # to the admin's sign-in


def test_the_flag_follows_the_admin_group_from_either_side():
    admin_group, interviewers = Group.objects.get(name="admin"), Group.objects.get(name="interviewer")
    ada, bob = _person("ada"), _person("bob")
    admin_group.user_set.add(ada, bob)
    assert all(get_user_model().objects.get(pk=u.pk).is_staff for u in (ada, bob))
    bob.groups.add(interviewers)  # another group changes nothing
    assert get_user_model().objects.get(pk=bob.pk).is_staff
    bob.groups.clear()
    assert not get_user_model().objects.get(pk=bob.pk).is_staff
    admin_group.user_set.clear()
    assert not get_user_model().objects.get(pk=ada.pk).is_staff
    # An interviewer never gets the flag: they have nothing to do in the admin site.
    bob.groups.add(interviewers)
    assert not get_user_model().objects.get(pk=bob.pk).is_staff


def test_a_superuser_keeps_the_flag_when_leaving_the_admin_group(superuser):
    admin_group = Group.objects.get(name="admin")
    superuser.groups.add(admin_group)
    superuser.groups.remove(admin_group)
    superuser.refresh_from_db()
    assert superuser.is_staff


def test_an_administrator_who_is_no_superuser_sets_up_teams_and_reviewers_in_the_admin(people):
    """The admin group holds what the admin site needs for teams and assignments (and nothing of
    making accounts, which stays with superusers)."""
    ada = _person("ada", "admin")
    ada.refresh_from_db()
    assert ada.is_staff
    client = _client(ada)
    index = client.get("/admin/")
    assert index.status_code == 200 and "/admin/accounts/team/" in index.content.decode()
    assert client.get("/admin/accounts/team/add/").status_code == 200
    assessment = services.create_assessment("Search screen", people["rita"], time_limit_minutes=30)
    change = client.get(f"/admin/assessments/assessment/{assessment.pk}/change/")
    assert change.status_code == 200 and 'name="reviewers"' in change.content.decode()
    assert client.get("/admin/accounts/user/add/").status_code == 403
