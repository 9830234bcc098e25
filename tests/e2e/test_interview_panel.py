"""Two interviewers score the same candidate in the browser; neither sees the other's ratings
before submitting; the debrief shows both and flags a 2-point disagreement."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import App, shot, sign_in

pytestmark = pytest.mark.slow


def _fill_scorecard(page, ratings: list[int], recommendation: str) -> None:
    articles = page.locator("article.kit-item")
    for index in range(articles.count()):
        value = ratings[index] if index < len(ratings) else 3
        articles.nth(index).locator(f"input[type=radio][value='{value}']").check()
        articles.nth(index).locator("textarea").fill(f"note from this interviewer on question {index + 1}")
    page.check(f"input[name=recommendation][value={recommendation}]")
    page.fill("#reason", "Reasoned well about trade-offs")


def test_independent_scoring_and_debrief(app: App, browser) -> None:
    ivan = browser.new_context().new_page()
    sign_in(ivan, app, "ivan")
    ivan.goto(f"{app.url}/interviews/")
    ivan.fill("#candidate", "Grace Hopper")
    ivan.fill("#minutes", "30")
    ivan.check("fieldset >> text=iris")
    ivan.click("text=Create interview and kit")
    url = ivan.url
    shot(ivan, "10-interview-kit")
    _fill_scorecard(ivan, [4], "strong_yes")
    ivan.click("#submit-scorecard")
    assert "/debrief/" in ivan.url

    iris = browser.new_context().new_page()
    sign_in(iris, app, "iris")
    iris.goto(url.replace(app.url, app.url) + "debrief/")
    assert "Debrief not yet available" in iris.content()  # cannot peek before submitting
    iris.goto(url)
    page_text = iris.content()
    assert "note from this interviewer" not in page_text and "Reasoned well" not in page_text
    _fill_scorecard(iris, [2], "no")
    iris.click("#submit-scorecard")
    shot(iris, "11-debrief")
    rows = iris.locator("table.debrief tbody tr")
    first = rows.nth(0)
    assert "ivan" in iris.inner_text("table.debrief thead") and "iris" in iris.inner_text(
        "table.debrief thead"
    )
    assert "4" in first.inner_text() and "2" in first.inner_text()
    assert "disagreement" in first.inner_text()
    assert iris.locator("tr.flagged").count() == 1
    ivan.goto(f"{app.url}/interviews/calibration/")
    shot(ivan, "12-calibration")
    assert "Krippendorff" in ivan.content()
