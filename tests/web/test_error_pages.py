"""The 403, 404 and 500 pages and the favicon (issue 15, point 9).

A refusal used to be Django's bare "403 Forbidden" (or, on the question bank, a page telling a
practice user to ask for staff access). Now each error page is drawn in the site's layout, says in
plain words what happened, and a 403 says what the page is for and whom a member of the hiring
team should ask; a practice user is never sent off to ask for staff access.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory
from django.views.defaults import server_error

from mlinterview.web.accounts.models import Membership, Team
from mlinterview.web.accounts.teams import add_member

pytestmark = pytest.mark.django_db

FAVICON = "mlinterview/favicon.svg"


def _signed_in(name: str, group: str | None = None, display: str = "") -> tuple[Client, object]:
    user = get_user_model().objects.create_user(name, password="pw-for-tests-only", display_name=display)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client, user


def _in_layout(html: str) -> None:
    """Drawn in the site's layout: its header, stylesheet and favicon."""
    assert 'class="site-header"' in html
    assert re.search(r'<link rel="stylesheet" href="/static/mlinterview/site\.css', html)
    assert f'<link rel="icon" href="/static/{FAVICON}" type="image/svg+xml">' in html


def _text(html: str) -> str:
    main = html.split('<main id="main">', 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_a_practice_user_refused_the_bank_is_never_told_to_ask_for_staff_access():
    client, _ = _signed_in("paula")
    response = client.get("/bank/")
    assert response.status_code == 403
    html = response.content.decode()
    _in_layout(html)
    text = _text(html)
    assert "reference answers and rubrics" in text  # what the page is for
    assert not re.search(r"\bask\b|staff access|administrator", text, re.IGNORECASE)
    assert 'href="/practice/"' in html.split('<main id="main">', 1)[1]  # their own pages instead


def test_a_member_of_the_hiring_team_is_told_whom_of_their_team_to_ask():
    team = Team.objects.create(name="Search")
    _, rita = _signed_in("rita", "recruiter", display="Rita Recruiter")
    add_member(team, rita, Membership.Role.RECRUITER)
    client, ivy = _signed_in("ivy", "interviewer")
    add_member(team, ivy, Membership.Role.INTERVIEWER)
    response = client.get("/assessments/")
    assert response.status_code == 403
    _in_layout(response.content.decode())
    text = _text(response.content.decode())
    assert "Assessments are for those who build them and hiring managers." in text
    assert "ask your team's recruiter, Rita Recruiter (Search), or an administrator" in text
    assert "staff access" not in text


def test_an_interviewer_in_no_team_is_told_to_ask_an_administrator():
    client, _ = _signed_in("nora", "interviewer")
    text = _text(client.get("/interviews/calibration/").content.decode())
    assert "Panel calibration is for those who manage assessments." in text
    assert "ask an administrator of this site to change your role" in text


def test_a_refusal_without_a_message_says_what_the_page_is_for():
    """The assessments' builders refuse with Django's permission check, which gives no message."""
    client, _ = _signed_in("ivan", "interviewer")
    response = client.post("/assessments/1/items/add/", {"kind": "question", "slug": "x"})
    assert response.status_code == 403
    assert "This page is for building assessments and inviting candidates." in _text(
        response.content.decode()
    )


def test_the_404_page_is_in_the_layout_and_plain():
    client, _ = _signed_in("paula")
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    _in_layout(html)
    assert "There is nothing at this address" in _text(html)
    anonymous = Client().get("/no-such-page/")
    assert anonymous.status_code == 404 and "There is nothing at this address" in _text(
        anonymous.content.decode()
    )


def test_the_500_page_is_in_the_layout_and_needs_nothing_of_the_request():
    """Django draws it without any context (the error may have come from anything): no user, no
    context processors. It still has the layout and no menu that could fail."""
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    _in_layout(html)
    assert "Something went wrong on our side" in _text(html)


def test_the_favicon_is_an_svg_served_from_static():
    path = finders.find(FAVICON)
    assert path, "the favicon is missing from the static files"
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 32 32"
    assert len(list(root.iter("{http://www.w3.org/2000/svg}path"))) >= 1
