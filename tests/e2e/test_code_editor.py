"""Issue 15, point 6: the candidate's code item uses the CodeMirror editor. Tab indents inside it
(and what was typed after the Tab is autosaved with its indentation), Escape then Tab leaves it
for the next control (no keyboard trap), the page keeps a strict CSP, and long lines scroll
sideways instead of wrapping on a phone-sized screen. Screenshots at 390 px and 1280 px wide."""

from __future__ import annotations

import pytest

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.small_bank import import_small_bank

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

EXERCISE = "confusion-matrix"
QUESTION = "loss-function"
# Typed key by key. After each Enter the editor guesses an indentation; the test first takes it
# all away with Shift+Tab, then presses Tab once per level, so every leading space in the saved
# answer comes from a Tab key press.
EXPECTED = (
    "def count_positives(labels):\n"
    "    total = 0\n"
    "    for label in labels:\n"
    "        if label == 1:\n"
    "            total += 1\n"
    "    return total\n"
    "# a long comment line that is much wider than a phone screen,"
    " so it has to scroll sideways rather than wrap"
)


def _invited(django_user_model) -> str:
    import_small_bank([QUESTION])
    rita = django_user_model.objects.create_user("rita", password="pw-for-tests-only", is_staff=True)
    assessment = services.create_assessment("Editor screen", rita, time_limit_minutes=30)
    version = assessment.latest
    specs = [services.ItemSpec("exercise", EXERCISE), services.ItemSpec("question", QUESTION)]
    services.set_items(version, specs, rita)
    services.publish(version, rita)
    _, token = services.invite(version, "Ada Lovelace", "ada@example.com", rita)
    return token


def _type_code(page) -> None:
    """Enter, Shift+Tab down to column 0, Tab once per indentation level, then the line's text."""
    for number, line in enumerate(EXPECTED.split("\n")):
        text = line.lstrip(" ")
        levels = (len(line) - len(text)) // 4
        if number:
            page.keyboard.press("Enter")
            for _ in range(4):
                page.keyboard.press("Shift+Tab")
        for _ in range(levels):
            page.keyboard.press("Tab")
        page.keyboard.type(text)


def test_tab_indents_is_autosaved_and_escape_tab_leaves(
    live_server, browser, django_user_model, shot
) -> None:
    token = _invited(django_user_model)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Security Policy" in msg.text else None)
    page.goto(f"{live_server.url}/take/{token}/")
    page.click("text=Start the assessment")
    page.wait_for_selector(".cm-editor .cm-content")

    # The editor replaces the textarea on screen; the textarea stays in the form, hidden.
    assert page.is_hidden("textarea#content")
    editor = page.locator(".cm-content")
    assert page.get_by_role("textbox", name="Your code (Python)").count() == 1
    assert page.locator(".cm-gutters .cm-lineNumbers").count() == 1

    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    _type_code(page)
    assert page.input_value("textarea#content") == EXPECTED
    # Python highlighting: the keyword "def" is drawn in another colour than plain text.
    plain = editor.evaluate("e => getComputedStyle(e).color")
    keyword = page.locator(".cm-line span", has_text="def").first.evaluate("e => getComputedStyle(e).color")
    assert keyword != plain, (keyword, plain)

    page.wait_for_selector("#save-status:has-text('Saved at')")
    answer = m.Answer.objects.get(attempt__invitation__candidate__email="ada@example.com", item__position=0)
    assert answer.content == EXPECTED

    # Escape, then Tab: focus goes to the next control, and the code is unchanged.
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "run-code"
    assert page.input_value("textarea#content") == EXPECTED
    # Back in the editor, Tab indents again (Escape's effect lasts for one key press only).
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Home")
    page.keyboard.press("Tab")
    assert page.input_value("textarea#content") == EXPECTED.replace("\n# a long", "\n    # a long")
    page.keyboard.press("Shift+Tab")
    assert page.input_value("textarea#content") == EXPECTED

    page.keyboard.press("Control+Home")
    shot(page, "60-candidate-code-item-1280")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_selector(".cm-editor .cm-content")
    assert page.input_value("textarea#content") == EXPECTED  # the saved answer comes back
    # No soft wrapping: the long line stays one line and the editor scrolls sideways, inside the page.
    assert page.locator(".cm-line").count() == EXPECTED.count("\n") + 1
    widths = page.locator(".cm-scroller").evaluate(
        "s => [s.scrollWidth, s.clientWidth, document.documentElement.scrollWidth]"
    )
    assert widths[0] > widths[1], widths
    assert widths[2] <= 390, widths
    shot(page, "61-candidate-code-item-390")
    assert violations == []
    context.close()

    # Without JavaScript the textarea is the editor, and the navigation buttons post it.
    plain = browser.new_context(java_script_enabled=False)
    page = plain.new_page()
    page.goto(f"{live_server.url}/take/{token}/item/0/")
    assert page.is_visible("textarea#content") and page.locator(".cm-editor").count() == 0
    page.fill("textarea#content", "def f():\n\treturn 1\n")
    page.click("text=Next →")
    answer.refresh_from_db()
    # A form post sends line ends as CR LF (the HTML rule for textareas); the autosave sends LF.
    assert answer.content.replace("\r\n", "\n") == "def f():\n\treturn 1\n"
    plain.close()
