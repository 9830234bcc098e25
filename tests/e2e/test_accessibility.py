"""Issue 15, point 11 and the Must show's accessibility scan, in a real browser on one app.

Every page of the four journeys (recruiter, candidate, interviewer, practice) is scanned with
axe-core (vendored from the npm registry by scripts/fetch-axe.sh into tests/e2e/axe/; injected as
a Playwright init script, so the pages keep their strict CSP); any serious or critical violation
fails the test, and all of them are listed. axe does not measure non-text contrast (WCAG 2.1,
SC 1.4.11), so each page is also checked from computed styles: the border of every input, select
and textarea, and the focus indicator of every control reached after a Tab key press, must reach
3:1 against the background around it. The code editor's own border and focus ring (in its
shadow root) are checked after tabbing into it.

Screenshots kept in the artifacts: the builder, and the candidate's code item at 1280 px and at
390 px wide (where a long line scrolls sideways inside the editor instead of wrapping).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import App, sign_in

pytestmark = pytest.mark.slow

AXE = Path(__file__).with_name("axe") / "axe.min.js"
BLOCKING = ("serious", "critical")
PRACTICE_PASSWORD = "a-long-pass-phrase-42"
LONG_LINE = "# a comment far wider than a phone screen: it must scroll sideways, never wrap onto a new line"

SETUP_SCRIPT = """
import json
from django.contrib.auth import get_user_model
from mlinterview.exercises.model import default_exercises_dir, load_exercise
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.interviews import services as interviews

User = get_user_model()
rita, ivan, iris = (User.objects.get(username=name) for name in ("rita", "ivan", "iris"))
solution = load_exercise(default_exercises_dir() / "confusion-matrix").solution_source

screen = services.create_assessment("Accessible screen", rita, 30)
services.set_items(screen.latest, [services.ItemSpec("question", "loss-function"),
                                   services.ItemSpec("exercise", "confusion-matrix")], rita)
services.publish(screen.latest, rita)
_, ada_token = services.invite(screen.latest, "Ada Candidate", "ada@example.com", rita)
kim, _ = services.invite(screen.latest, "Kim Candidate", "kim@example.com", rita)
attempt = services.start_attempt(kim)
written, code = attempt.answers.order_by("item__position")
services.autosave(attempt, written.item_id, "A loss function measures how far a prediction is "
                  "from the truth; training minimises its average, e.g. cross-entropy or squared error.")
services.autosave(attempt, code.item_id, solution)
services.submit(attempt)
for score in m.Score.objects.filter(answer__attempt=attempt):
    services.run_scoring(score.pk)  # what the worker would do, here and now

draft = services.create_assessment("Draft screen", rita, 20)
services.set_items(draft.latest, [services.ItemSpec("question", "type-1-vs-type-2-errors"),
                                  services.ItemSpec("question", "support-vector-machine")], rita)

interview = interviews.create_interview("Grace Hopper", level="mid", minutes=30, seed=7,
                                        panel=[ivan, iris], user=ivan)
card = interviews.scorecard_for(interview, ivan)
interviews.save_ratings(card, {r.item_id: (3, "Explained it clearly") for r in card.ratings.all()})
interviews.submit_scorecard(card, "yes", "Sound reasoning throughout")
print(json.dumps({"screen": screen.pk, "draft": draft.pk, "ada": ada_token, "kim": attempt.pk,
                  "interview": interview.pk}))
"""

# For a screenshot: the editor brought into view, as a candidate scrolls to it (CodeMirror measures
# its lines only once they are on screen; before that the gutter's numbers sit on estimated
# heights), then the page scrolled back to the top, each followed by two frames.
SETTLED = """async () => {
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  document.querySelector(".code-editor").scrollIntoView();
  await frames();
  scrollTo(0, 0);
  await frames();
}"""
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""

CONTRAST_JS = (Path(__file__).with_name("contrast.js")).read_text(encoding="utf-8")


class Scan:
    """Runs axe and the contrast check on pages and keeps what they found, page by page."""

    def __init__(self) -> None:
        self.violations: dict[str, list[dict[str, Any]]] = {}
        self.contrast: dict[str, list[str]] = {}
        self.checked = {"borders": 0, "rings": 0}

    def __call__(self, page: Any, name: str) -> None:
        self.violations[name] = page.evaluate(AXE_RUN)
        page.keyboard.press("Tab")  # keyboard focus: the skip link, then moved on by script
        found = page.evaluate(CONTRAST_JS, "page")
        self.contrast[name] = found["problems"]
        self.checked["borders"] += found["borders"]
        self.checked["rings"] += found["rings"]

    def editor(self, page: Any, name: str) -> None:
        page.focus("#run-code")
        page.keyboard.press("Shift+Tab")  # back into the editor, by keyboard
        page.wait_for_function(  # CodeMirror marks its focus a moment after the focus event
            "() => document.querySelector('.code-editor').shadowRoot.querySelector('.cm-focused')",
            timeout=15_000,
        )
        found = page.evaluate(CONTRAST_JS, "editor")
        self.contrast[name + " (code editor)"] = found["problems"]
        self.checked["borders"] += found["borders"]
        self.checked["rings"] += found["rings"]

    def blocking(self) -> list[str]:
        return [
            f"{name}: [{v['impact']}] {v['id']}: {v['help']} at "
            + ", ".join(n["target"] for n in v["nodes"][:4])
            for name, found in self.violations.items()
            for v in found
            if v["impact"] in BLOCKING
        ]

    def low_contrast(self) -> list[str]:
        found = (f"{name}: {problem}" for name, problems in self.contrast.items() for problem in problems)
        return list(dict.fromkeys(found))  # each element kind once per page


def _context(browser: Any, **options: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    context.add_init_script(path=str(AXE))
    return context


def test_every_journey_page_passes_axe_and_non_text_contrast(
    app: App, browser: Any, shot: Callable[[Any, str], Path], e2e_artifacts: Path
) -> None:
    assert AXE.read_text(encoding="utf-8", errors="replace").startswith("/*! axe v")
    ids = json.loads(app.cli("manage", "shell", "-c", SETUP_SCRIPT).stdout.strip().splitlines()[-1])
    scan = Scan()

    # Practice: sign-in and sign-up pages (also with errors), home, a question, its feedback, coding.
    page = _context(browser).new_page()
    page.goto(f"{app.url}/login/")
    scan(page, "sign-in")
    page.goto(f"{app.url}/signup/")
    scan(page, "sign-up")
    page.fill("#id_username", "casey")
    page.fill("#id_email", "casey@example.com")
    page.fill("#id_password1", PRACTICE_PASSWORD)
    page.fill("#id_password2", PRACTICE_PASSWORD + "-typo")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.locator("[aria-invalid=true]").count() >= 1
    scan(page, "sign-up with errors")
    page.fill("#id_password1", PRACTICE_PASSWORD)
    page.fill("#id_password2", PRACTICE_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/practice/")
    scan(page, "practice home")
    page.goto(f"{app.url}/practice/q/k-fold-cross-validation/")
    scan(page, "practice question")
    page.fill("#answer", "A loss function scores how wrong a prediction is; training makes it small.")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    scan(page, "practice feedback")
    page.goto(f"{app.url}/practice/code/")
    scan(page, "coding practice list")
    page.goto(f"{app.url}/practice/code/roc-auc/")
    page.wait_for_selector(".cm-editor .cm-content")
    scan(page, "coding practice exercise")
    page.context.close()

    # Candidate: landing, a question, the code item (and its screenshots), review and submit, done.
    page = _context(browser).new_page()
    take = f"{app.url}/take/{ids['ada']}/"
    page.goto(take)
    scan(page, "candidate landing")
    page.click("text=Start the assessment")
    page.wait_for_url("**/item/0/")
    scan(page, "candidate question")
    page.goto(take + "item/1/")
    page.wait_for_selector(".cm-editor .cm-content")
    scan(page, "candidate code item")
    scan.editor(page, "candidate code item")
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(LONG_LINE)
    page.wait_for_selector("#save-status:has-text('Saved at')")
    page.keyboard.press("Control+Home")
    page.evaluate(SETTLED)  # the sticky bar at the top, as a candidate first sees it
    shot(page, "a11y-candidate-code-item-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_selector(".cm-editor .cm-content")
    widths = page.locator(".cm-scroller").evaluate(
        "s => [s.scrollWidth, s.clientWidth, document.documentElement.scrollWidth]"
    )
    assert widths[0] > widths[1], f"the long line should scroll inside the editor: {widths}"
    assert widths[2] <= 390, f"the page itself should not scroll sideways at 390 px: {widths}"
    page.evaluate(SETTLED)
    shot(page, "a11y-candidate-code-item-390")
    scan(page, "candidate code item at 390 px")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(take + "submit/")
    scan(page, "candidate review and submit")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    scan(page, "candidate done")
    page.context.close()

    # Recruiter: the list, the builder, a published assessment with its invitations, the preview,
    # the development outbox, the shortlist and a review.
    page = _context(browser).new_page()
    sign_in(page, app, "rita")
    page.wait_for_load_state()
    for name, path in (
        ("assessments list", "/assessments/"),
        ("builder", f"/assessments/{ids['draft']}/"),
        ("published assessment and invitations", f"/assessments/{ids['screen']}/"),
        ("preview as candidate", f"/assessments/{ids['draft']}/preview/"),
        ("outbox", "/assessments/outbox/"),
        ("shortlist", f"/assessments/{ids['screen']}/shortlist/"),
        ("review", f"/assessments/{ids['screen']}/attempts/{ids['kim']}/"),
    ):
        page.goto(app.url + path)
        if name == "builder":
            shot(page, "a11y-builder")
        scan(page, name)
    page.context.close()

    # Interviewers: the list and a debrief (ivan has submitted), the kit and scorecard (iris has not).
    interview = f"{app.url}/interviews/{ids['interview']}/"
    page = _context(browser).new_page()
    sign_in(page, app, "ivan")
    page.goto(f"{app.url}/interviews/")
    scan(page, "interviews list")
    page.goto(interview + "debrief/")
    page.wait_for_selector("table.debrief")
    scan(page, "debrief")
    page.context.close()
    page = _context(browser).new_page()
    sign_in(page, app, "iris")
    page.goto(interview)
    page.wait_for_selector("article.kit-item")
    scan(page, "kit and scorecard")
    page.context.close()

    found = json.dumps(scan.violations, indent=1)
    (e2e_artifacts / "axe-violations.json").write_text(found, encoding="utf-8")
    assert len(scan.violations) == 24
    # The contrast check measured something on these pages (it cannot pass on nothing).
    assert scan.checked["borders"] >= 20 and scan.checked["rings"] >= 100, scan.checked
    problems = scan.blocking() + scan.low_contrast()
    assert not problems, "\n".join(problems)
