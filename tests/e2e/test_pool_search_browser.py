"""Issue 17, point 2, in a real browser (Must show): a recruiter searches the pool by two skills
and a level, reveals one profile with a reason (audited), puts it on a shortlist and shares the
shortlist by link; a signed-out hiring manager opens the link until it expires."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.slow

SEED = """
from datetime import timedelta
from django.utils import timezone
from mlinterview.web.pool.models import Profile, SkillLevel
now = timezone.now()
def make(first, last, levels, years):
    p = Profile.objects.create(email=f"{first.lower()}@example.com", first_name=first, last_name=last,
        headline=f"{first}'s headline", years_experience=years, availability="now",
        consent_version="e2e", consent_text="e2e", consented_at=now)
    for skill, level in levels.items():
        SkillLevel.objects.create(profile=p, skill=skill, level=level, mean_score=level / 5 + 0.1,
            questions=4, exercises=0, verified_at=now - timedelta(days=14), attempt_ids=[])
make("Grace", "Hopper", {"model-evaluation": 4, "deep-learning": 3}, 9)
make("Alan", "Turing", {"model-evaluation": 3, "deep-learning": 3}, 6)
make("Edsger", "Dijkstra", {"model-evaluation": 4, "deep-learning": 1}, 12)
"""


def test_recruiter_searches_reveals_and_shares_a_shortlist(app, browser, shot):
    app.cli("manage", "shell", "-c", SEED)
    page = browser.new_context().new_page()
    sign_in(page, app, "rita")
    page.goto(f"{app.url}/pool/search/")
    for skill in ("model-evaluation", "deep-learning"):
        page.check(f"#skill-{skill}")
        page.select_option(f"#min-{skill}", "3")
    page.click("button:has-text('Search')")
    page.wait_for_selector("text=2 profiles found")
    names = page.locator(".pool-results h3").all_inner_texts()
    assert names == ["Grace H.", "Alan T."]  # Edsger's deep learning is below 3
    assert "model evaluation 4/4 from 4 questions, verified 2 weeks ago" in page.inner_text(".pool-results")
    assert "@example.com" not in page.content()
    shot(page, "pool-02-search")

    # Add Grace to a new shortlist from the result, then reveal her from her profile page.
    grace = page.locator(".pool-results li").first
    grace.locator("input[name=name]").fill("Platform team")
    grace.locator("button:has-text('Add')").click()
    page.wait_for_selector("text=added to the shortlist")
    page.click(".pool-results h3 a:has-text('Grace H.')")
    page.fill("#reason", "Phone screen booked")
    page.click("button:has-text('Reveal')")
    page.wait_for_selector("text=grace@example.com")
    assert app.value("SELECT COUNT(*) FROM assessments_auditevent WHERE action = 'pool.reveal'") == 1

    # Share the shortlist; a signed-out hiring manager opens the link.
    page.goto(f"{app.url}/pool/shortlists/")
    page.click("text=Platform team")
    page.fill("#days", "7")
    page.click("button:has-text('Make a link')")
    link = page.input_value("#new-link")
    manager = browser.new_context().new_page()
    manager.goto(link)
    text = manager.inner_text("main")
    assert "Platform team" in text and "Grace H." in text and "Hopper" not in text
    assert "grace@example.com" not in manager.content()
    shot(manager, "pool-03-shared-shortlist")
    # Once the link has expired it opens nothing.
    conn = app.db()
    try:
        conn.execute("UPDATE pool_sharelink SET expires_at = ?", ("2020-01-01 00:00:00+00:00",))
        if hasattr(conn, "commit"):
            conn.commit()
    finally:
        conn.close()
    response = manager.goto(link)
    assert response is not None and response.status == 410
    assert "no longer opens a shortlist" in manager.content()
