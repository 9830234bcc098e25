"""Issue 15, point 5 in a real browser: a reviewer ticks three candidates on the shortlist, reads
them side by side item by item (score, evidence, answer), opens one and downloads the PDF report,
which holds that candidate's answers and the reviewer's change of a score with its reason.

The candidates and their scores are made through the services in a shell of the app (as a scoring
worker would leave them): under test is what the pages and the report show, not the scorer.
Screenshots of the comparison page and of the report's first page go to the test artifacts.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import App, sign_in

pytestmark = pytest.mark.slow

CANDIDATES = ("Ada Example", "Ben Example", "Cy Example")
OVERRIDE_REASON = "Explained the resampling clearly when asked in the follow-up call"

SCRIPT = """
from django.utils import timezone
from mlinterview.web.accounts.models import User
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
rita = User.objects.get(username="rita")
a = services.create_assessment("Data scientist screen", rita, 30)
specs = [services.ItemSpec("question", s) for s in ("bootstrap", "baseline-models", "loss-function")]
services.set_items(a.latest, specs + [services.ItemSpec("exercise", "roc-auc")], rita)
services.publish(a.latest, rita)
values = {"Ada Example": [0.9, 0.75, 0.8, 1.0], "Ben Example": [0.5, 0.6, 0.7, 0.6],
          "Cy Example": [0.2, 0.3, 0.4, 0.0]}
ids = []
for name, scores in values.items():
    first = name.split()[0]
    invitation, _ = services.invite(a.latest, name, first.lower() + "@example.com", rita)
    attempt = services.start_attempt(invitation)
    for answer in attempt.answers.select_related("item"):
        if answer.item.kind == "exercise":
            text = "def roc_auc(y_true, scores):\\n    # " + first + "'s ranking\\n    return 0.5\\n"
        else:
            text = first + " answers item " + str(answer.item.position + 1) + " in their own words."
        services.autosave(attempt, answer.item_id, text)
    services.submit(attempt)
    rows = m.Score.objects.filter(answer__attempt=attempt, primary=True).order_by("answer__item__position")
    for position, (score, value) in enumerate(zip(rows, scores)):
        m.Score.objects.filter(pk=score.pk).update(
            status="done", auto_value=value, scored_at=timezone.now(),
            evidence={"key_points": [
                {"text": first + " covered point " + str(position + 1) + ".", "covered": True},
                {"text": first + " missed point " + str(position + 1) + ".", "covered": False}],
                "misconceptions": []})
    ids.append(attempt.pk)
boot = m.Score.objects.get(answer__attempt_id=ids[2], answer__item__position=0, primary=True)
services.override_score(boot, rita, 0.85, "REASON")
print(a.pk, *ids)
""".replace("REASON", OVERRIDE_REASON)


def test_three_candidates_side_by_side_and_the_pdf_report(
    app: App, browser, shot, e2e_artifacts: Path
) -> None:
    out = app.cli("manage", "shell", "-c", SCRIPT).stdout.strip().splitlines()[-1]
    assessment, *attempts = (int(n) for n in out.split())
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, app, "rita")
    page.goto(f"{app.url}/assessments/{assessment}/shortlist/")
    for attempt in attempts:
        page.check(f"#compare-{attempt}")
    page.click("#compare")
    page.wait_for_selector(".compare-item")
    assert page.url.startswith(f"{app.url}/assessments/{assessment}/compare/?")
    assert page.inner_text("h1") == "Compare 3 candidates"

    # Nobody has committed a review: aliases only, in the order ticked (the shortlist's).
    # Ada: (0.9+0.75+0.8+1.0)/4 = 0.8625; Ben: 2.4/4 = 0.6; Cy: (0.85+0.3+0.4+0.0)/4 = 0.3875.
    names = page.locator(".compare-summary thead th.compared-name").all_inner_texts()
    assert all(re.fullmatch(r"Candidate #\d{4}", n) for n in names) and len(set(names)) == 3, names
    assert page.locator(".compare-total td").all_inner_texts() == ["86%", "60%", "39%"]
    body = page.inner_text("main")
    assert not any(name in body for name in CANDIDATES)

    sections = page.locator(".compare-item")
    assert sections.count() == 4
    titles = [sections.nth(i).locator("h2").inner_text() for i in range(4)]
    assert titles == [
        "1. The bootstrap · Statistics and probability",
        "2. Baselines to compare a model against · Modeling and evaluation",
        "3. What is a loss function? · Algorithms",
        "4. ROC AUC with ties · Coding exercises",
    ]
    for i in range(4):
        cells = sections.nth(i).locator(".compare-cell")
        assert cells.count() == 3
        boxes = [cells.nth(j).bounding_box() for j in range(3)]
        # Side by side: one row, left to right, none overlapping the next.
        assert all(abs(b["y"] - boxes[0]["y"]) < 2 for b in boxes), boxes
        assert all(boxes[j]["x"] + boxes[j]["width"] <= boxes[j + 1]["x"] for j in range(2)), boxes
        for cell, first in zip((cells.nth(j) for j in range(3)), ("Ada", "Ben", "Cy"), strict=True):
            text = cell.inner_text()
            assert f"{first} covered point {i + 1}." in text and f"{first} missed point {i + 1}" in text
            assert (f"{first} answers item {i + 1}" if i < 3 else f"# {first}'s ranking") in text
    cy_bootstrap = sections.nth(0).locator(".compare-cell").nth(2)
    assert "85%" in cy_bootstrap.locator("h3").inner_text()
    assert OVERRIDE_REASON in cy_bootstrap.inner_text() and "by rita" in cy_bootstrap.inner_text()
    shot(page, "compare-three-candidates")

    # Cy's report, from the comparison: the answers and the change of score with its reason.
    page.click(f".compare-summary thead a[href$='/attempts/{attempts[2]}/']")
    with page.expect_download() as download:
        page.click("#pdf-report")
    pdf = e2e_artifacts / "compare-report.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(raw.split())
    for item in (1, 2, 3):
        assert f"Cy answers item {item} in their own words." in text
    assert "# Cy's ranking" in text
    assert "Score changed to 85% by rita on " in text and f"Reason: “{OVERRIDE_REASON}”" in text
    assert "The bootstrap Statistics and probability 85%*" in text
    assert not any(name in text for name in CANDIDATES)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(e2e_artifacts / "compare-report-page-1")],
        check=True,
    )  # fmt: skip
    assert (e2e_artifacts / "compare-report-page-1.png").stat().st_size > 10_000
