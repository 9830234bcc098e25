"""Issue 15, point 6: the code editor bundle is committed, built from pinned versions, loaded by
the two pages with a code box, and those pages keep a plain textarea that works without it."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from mlinterview import PACKAGE_DIR, REPO_DIR
from mlinterview.web.assessments import services

EDITOR_DIR = REPO_DIR / "editor"
BUNDLE = PACKAGE_DIR / "static" / "mlinterview" / "editor.js"
TEMPLATES = [
    PACKAGE_DIR / "templates" / "assessments" / "take" / "item.html",
    PACKAGE_DIR / "templates" / "practice" / "coding_exercise.html",
]
SCRIPT = '<script src="/static/mlinterview/editor.js" defer></script>'
CODE_BOX = re.compile(r'<textarea id="content" name="content"[^>]*\bdata-code-editor="python"[^>]*>', re.S)
EXACT = re.compile(r"^\d+\.\d+\.\d+$")


def test_the_built_bundle_is_committed_small_and_needs_no_eval() -> None:
    text = BUNDLE.read_text(encoding="utf-8")
    assert text.startswith("/* mlinterview code editor, built by scripts/build-editor.sh")
    assert 100_000 < len(text.encode()) < 450_000, len(text.encode())  # CodeMirror itself, not a stub
    assert "textarea[data-code-editor]" in text  # the bundle enhances the boxes the templates mark
    # CSP without 'unsafe-eval': no code built from strings.
    assert "new Function" not in text and not re.search(r"\beval\(", text)


def test_the_lockfile_pins_every_package_the_bundle_is_built_from() -> None:
    package = json.loads((EDITOR_DIR / "package.json").read_text())
    lock = json.loads((EDITOR_DIR / "package-lock.json").read_text())
    wanted = package["devDependencies"]
    assert {"@codemirror/state", "@codemirror/view", "@codemirror/commands", "@codemirror/language",
            "@codemirror/lang-python", "esbuild"} <= set(wanted)  # fmt: skip
    assert all(EXACT.match(version) for version in wanted.values()), wanted
    assert lock["packages"][""]["devDependencies"] == wanted
    for name, version in wanted.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    installed = {path: entry for path, entry in lock["packages"].items() if path}
    assert len(installed) > len(wanted)  # the dependencies of dependencies are locked too
    for path, entry in installed.items():
        assert EXACT.match(entry["version"]), path
        assert entry["integrity"].startswith("sha512-"), path
    script = (REPO_DIR / "scripts" / "build-editor.sh").read_text()
    assert "npm ci" in script and "npm install" not in script


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_load_the_editor_over_a_textarea(template) -> None:
    source = template.read_text()
    assert "{% static 'mlinterview/editor.js' %}" in source
    assert re.search(r'<textarea id="content" name="content"[^>]*data-code-editor="python"', source)


@pytest.mark.django_db
def test_candidate_code_item_keeps_the_textarea_fallback() -> None:
    rita = get_user_model().objects.create_user("rita", password="pw-for-tests-only", is_staff=True)
    assessment = services.create_assessment("Screen", rita, time_limit_minutes=30)
    version = assessment.latest
    services.set_items(version, [services.ItemSpec("exercise", "confusion-matrix")], rita)
    services.publish(version, rita)
    _, token = services.invite(version, "Ada Lovelace", "ada@example.com", rita)
    client = Client()
    client.post(f"/take/{token}/start/")
    html = client.get(f"/take/{token}/item/0/").content.decode()
    box = CODE_BOX.search(html)
    assert box and " hidden" not in box[0]  # visible until the script replaces it
    assert SCRIPT in html
    assert html.index(box[0]) < html.index('value="submit"')  # inside the form the buttons post


@pytest.mark.django_db
def test_coding_practice_keeps_the_textarea_fallback() -> None:
    user = get_user_model().objects.create_user("casey", password="a-long-pass-phrase-42")
    client = Client()
    client.force_login(user)
    html = client.get("/practice/code/roc-auc/").content.decode()
    assert CODE_BOX.search(html), html[:2000]
    assert SCRIPT in html
