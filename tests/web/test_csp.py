"""Issue 14, finding 9: every page carries a Content-Security-Policy that allows scripts only from
the site itself (or an inline block with this response's nonce), and no template relies on what
that policy forbids: inline event handlers, ``javascript:`` links, inline script blocks without the
nonce, inline styles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from mlinterview import PACKAGE_DIR
from mlinterview.web.assessments import services
from tests.assessments.small_bank import import_small_bank

# The PDF reports are rendered by WeasyPrint from HTML, never served to a browser: a CSP does not
# apply to them, and their print styles stay inline. The test below checks nothing serves them.
PDF_ONLY = {"assessments/report.html", "fairness/report_pdf.html", "pool/shortlist_pdf.html"}

INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE | re.DOTALL)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE | re.DOTALL)
STYLE_BLOCK = re.compile(r"<style\b", re.IGNORECASE)
JS_URL = re.compile(r"""(href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def csp_problems(html: str, nonce_marker: str) -> list[str]:
    """What in this HTML a strict policy would block; ``nonce_marker`` is how a permitted inline
    script names its nonce (the template variable in a template, the nonce itself in a response)."""
    problems = []
    if INLINE_HANDLER.search(html):
        problems.append("inline event handler")
    if JS_URL.search(html):
        problems.append("javascript: URL")
    if STYLE_ATTRIBUTE.search(html) or STYLE_BLOCK.search(html):
        problems.append("inline style")
    for attributes in SCRIPT_TAG.findall(html):
        if re.search(r"\ssrc\s*=", attributes) or re.search(r"type\s*=\s*[\"']application/json", attributes):
            continue
        if f'nonce="{nonce_marker}"' not in attributes:
            problems.append(f"inline script without the nonce: <script{attributes}>")
    return problems


def _templates() -> list[Path]:
    """The templates of pages the browser renders under the policy. Bodies of e-mail are not among
    them: a mail client shows them, no Content-Security-Policy header reaches it, and many clients
    drop <style> blocks, so inline styles are how an HTML mail is styled."""
    roots = [PACKAGE_DIR / "templates", *PACKAGE_DIR.glob("web/*/templates")]
    found = sorted(p for root in roots if root.is_dir() for p in root.rglob("*.html"))
    return [p for p in found if "email" not in p.parent.parts]


def test_the_mail_bodies_are_the_only_templates_left_out():
    roots = [PACKAGE_DIR / "templates", *PACKAGE_DIR.glob("web/*/templates")]
    every = {p for root in roots if root.is_dir() for p in root.rglob("*.html")}
    left_out = every - set(_templates())
    assert left_out and all(p.parent.name == "email" for p in left_out)


@pytest.mark.parametrize(
    "bad",
    [
        '<button onclick="go()">Go</button>',
        '<body\n  onload="x()">',
        '<a href="javascript:alert(1)">x</a>',
        "<script>alert(1)</script>",
        '<script nonce="other">alert(1)</script>',
        '<p style="color:red">x</p>',
        "<style>p{color:red}</style>",
    ],
)
def test_the_scanner_finds_what_the_policy_blocks(bad):
    assert csp_problems(bad, "{{ request.csp_nonce }}")


def test_the_scanner_lets_what_the_policy_allows_pass():
    ok = (
        '<script src="/static/mlinterview/take.js" defer></script>'
        '<script type="application/json" id="s">{"a": 1}</script>'
        '<script nonce="{{ request.csp_nonce }}">start()</script>'
        '<p class="on" data-onclick="x">one=1</p>'
    )
    assert csp_problems(ok, "{{ request.csp_nonce }}") == []


def test_no_template_needs_unsafe_inline():
    templates = _templates()
    assert len(templates) > 20  # the scan found the project's templates
    found = {}
    for path in templates:
        name = path.as_posix().split("/templates/", 1)[1]
        if name in PDF_ONLY:
            continue
        problems = csp_problems(path.read_text(), "{{ request.csp_nonce }}")
        if problems:
            found[name] = problems
    assert found == {}


def _policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def _check_strict(response) -> dict[str, list[str]]:
    policy = _policy(response)
    scripts = policy.get("script-src", policy.get("default-src"))
    assert scripts is not None and "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "*" not in scripts and not any(s.startswith(("http:", "https:", "data:")) for s in scripts)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    return policy


@pytest.fixture
def staff_client(db, django_user_model) -> Client:
    client = Client()
    client.force_login(
        django_user_model.objects.create_user("csp-staff", password="pw-for-tests-only", is_staff=True)
    )
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/login/", "/signup/", "/admin/login/", "/no-such-page/"])
def test_public_pages_carry_a_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    _check_strict(response)
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])
    assert csp_problems(response.content.decode(), nonce.group(1) if nonce else "") == []


@pytest.mark.django_db
def test_the_candidates_page_with_its_script_carries_the_policy(client):
    import_small_bank(["type-1-vs-type-2-errors"])
    recruiter = get_user_model().objects.create_user("csp-rita", password="pw-for-tests-only", is_staff=True)
    recruiter.groups.add(Group.objects.get(name="recruiter"))
    assessment = services.create_assessment("CSP screen", recruiter, time_limit_minutes=30)
    services.set_items(
        assessment.latest, [services.ItemSpec("question", "type-1-vs-type-2-errors")], recruiter
    )
    services.publish(assessment.latest, recruiter)
    _, token = services.invite(assessment.published, "Ada", "ada@example.com", recruiter)
    page = client.post(f"/take/{token}/start/", follow=True)
    assert page.status_code == 200 and "take.js" in page.content.decode()
    _check_strict(page)
    assert csp_problems(page.content.decode(), "") == []


@pytest.mark.django_db
def test_staff_pages_and_api_docs_carry_the_policy(staff_client):
    for path in ["/admin/", "/api/docs"]:
        response = staff_client.get(path)
        assert response.status_code == 200, path
        policy = _check_strict(response)
        assert "'self'" in policy["script-src"]


def test_the_pdf_only_templates_are_rendered_for_weasyprint_alone():
    # Each is named by one module that hands the HTML to WeasyPrint, and by no view or other template.
    sources = {p: p.read_text() for p in (PACKAGE_DIR / "web").rglob("*.py")}
    sources.update({p: p.read_text() for p in _templates()})
    for name in PDF_ONLY:
        users = [p for p, text in sources.items() if f'"{name}"' in text or f"'{name}'" in text]
        assert len(users) == 1, (name, users)
        assert "write_pdf" in users[0].read_text(), (name, users[0])
