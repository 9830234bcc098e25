"""Roles in the browser (issue 15, point 9): an interviewer whom nobody ticked "Staff status" for is
offered for a panel and gets the hiring team's header; a practice user gets theirs; every link in
either header opens; a page that is not theirs is the site's own 403 page, which tells the
interviewer whom of their team to ask and never tells the practice user to ask for staff access;
an unknown address is the site's 404 page; the favicon is served."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD, App, sign_in

pytestmark = pytest.mark.slow

# Made as the product makes them: groups and a team seat, never the Staff flag.
PEOPLE_SCRIPT = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from mlinterview.web.accounts.models import Membership, Team
from mlinterview.web.accounts.teams import add_member
User = get_user_model()
team = Team.objects.create(name="Search")
nina = User.objects.create_user("nina", password="{PASSWORD}", display_name="Nina Interviewer")
nina.groups.add(Group.objects.get(name="interviewer"))
add_member(team, nina, Membership.Role.INTERVIEWER)
add_member(team, User.objects.get(username="rita"), Membership.Role.RECRUITER)
User.objects.create_user("pia", password="{PASSWORD}")
"""

NINA_LINKS = ["Interviews", "Question bank", "Coverage", "Role profile", "API keys"]
PIA_LINKS = ["Practice", "Role profile"]


def _sign_in(page, app: App, username: str) -> None:
    sign_in(page, app, username)
    expect(page.get_by_role("button", name=f"Sign out {username}")).to_be_visible()


def _header(page) -> list[str]:
    links = page.get_by_role("navigation", name="Main").get_by_role("link")
    return [text.strip() for text in links.all_inner_texts()]


def _follow_each_link(page, app: App, labels: list[str]) -> None:
    """Click every link the header shows (from the home page each time): each opens, and is then
    marked as the current page."""
    for label in labels:
        page.goto(f"{app.url}/")
        with page.expect_navigation() as navigation:
            page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True).click()
        assert navigation.value.status == 200, (label, page.url)
        link = page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True)
        expect(link).to_have_attribute("aria-current", "page")


def _styled_error(page, code: str) -> str:
    """The error page is drawn in the site's layout with its stylesheet; returns its words."""
    card = page.locator(".error-page")
    expect(card).to_be_visible()
    expect(page.locator(".site-header")).to_be_visible()
    assert page.locator(".error-code").inner_text().startswith(code)
    # The stylesheet applies: the card has its border and the page its font, not the browser's.
    assert card.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    assert "system-ui" in page.evaluate("getComputedStyle(document.body).fontFamily")
    return re.sub(r"\s+", " ", card.inner_text())


def test_each_role_sees_its_own_header_and_styled_refusals(app: App, browser, shot) -> None:
    app.cli("manage", "shell", "-c", PEOPLE_SCRIPT)

    # The recruiter can put the interviewer without the Staff flag on a panel.
    rita = browser.new_context().new_page()
    _sign_in(rita, app, "rita")
    rita.goto(f"{app.url}/interviews/")
    expect(rita.locator("fieldset", has_text="Panel").get_by_text("Nina Interviewer")).to_be_visible()

    nina = browser.new_context().new_page()
    _sign_in(nina, app, "nina")
    assert _header(nina) == NINA_LINKS  # no Admin, no Assessments, no Practice
    _follow_each_link(nina, app, NINA_LINKS)
    icon = nina.locator("link[rel=icon]").get_attribute("href")
    served = nina.request.get(app.url + icon)
    assert served.status == 200 and served.headers["content-type"].startswith("image/svg+xml")

    response = nina.goto(f"{app.url}/assessments/")
    assert response.status == 403
    words = _styled_error(nina, "403")
    assert "Assessments are for those who build them and hiring managers." in words
    assert "ask your team's recruiter, rita (Search), or an administrator" in words
    shot(nina, "roles-403-interviewer")

    pia = browser.new_context().new_page()
    _sign_in(pia, app, "pia")
    assert _header(pia) == PIA_LINKS  # nothing of the hiring team's
    _follow_each_link(pia, app, PIA_LINKS)

    response = pia.goto(f"{app.url}/bank/")
    assert response.status == 403
    words = _styled_error(pia, "403")
    assert "reference answers and rubrics" in words
    assert not re.search(r"\bask\b|staff access|administrator", words, re.IGNORECASE)
    shot(pia, "roles-403-practice")
    pia.locator(".error-page").get_by_role("link", name="your practice").click()
    assert pia.url == f"{app.url}/practice/"

    response = pia.goto(f"{app.url}/no-such-page/")
    assert response.status == 404
    assert "There is nothing at this address" in _styled_error(pia, "404")
    assert _header(pia) == PIA_LINKS  # the same header on the 404 page
    shot(pia, "roles-404")
