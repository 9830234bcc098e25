"""Issue 15, point 10: a practice account has an e-mail address, so a forgotten password can be reset.

The sign-up form asks for the address (validated, one account per address whatever its case), lists
the password rules before anything is typed (the help texts of the configured validators), and every
id an input's ``aria-describedby`` names is on the page. An account made on the sign-up page resets
its password through the real flow: the mail in the outbox, its link, a new password, a sign-in.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.contrib.auth import password_validation
from django.core import mail

from mlinterview.web.accounts.signup import ADDRESS_IN_USE

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase-42"
NEW_PASSWORD = "another-pass-phrase-77"
RESET_LINK = re.compile(r"https?://[^/\s]+(/reset/[A-Za-z0-9_-]+/[0-9a-z]+-[0-9a-f]+/)")


class _Page(HTMLParser):
    """The ids on a page, the aria-describedby of each input, and the text of each element by id."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described: dict[str, list[str]] = {}
        self.inputs: dict[str, dict[str, str | None]] = {}
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag in {"input", "textarea", "select"} and found.get("name"):
            self.inputs[str(found["name"])] = found
            if found.get("aria-describedby"):
                self.described[str(found["name"])] = str(found["aria-describedby"]).split()


def _signup(client, username: str = "casey", email: str = "casey@example.com", **extra: str):
    data = {"username": username, "email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    return client.post("/signup/", data)


def _error_of(response, field: str) -> str:
    found = re.search(
        rf'<div class="error" id="id_{field}_error" role="alert">(.*?)</div>', response.content.decode(), re.S
    )
    assert found, f"no error shown for {field}"
    return unescape(found.group(1)).strip()


def test_the_form_asks_for_an_address_and_lists_the_password_rules_before_typing(client):
    html = client.get("/signup/").content.decode()
    page = _Page(html)
    email = page.inputs["email"]
    assert email["type"] == "email" and "required" in email and email["autocomplete"] == "email"
    # Every rule of the configured validators is listed under the password before any error.
    rules = password_validation.password_validators_help_texts()
    assert len(rules) == 4
    helptext = html.split('id="id_password1_helptext"', 1)[1].split("</div>", 1)[0]
    for rule in rules:
        assert f"<li>{rule}</li>" in unescape(helptext), rule
    assert 'class="error"' not in html
    # The password, the address and the username are described by their help, which is there.
    assert page.described["password1"] == ["id_password1_helptext"]
    assert page.described["email"] == ["id_email_helptext"]
    for name, ids in page.described.items():
        assert set(ids) <= page.ids, f"{name} points to {ids}, not all on the page"
    # Where to go if the account exists already.
    assert 'href="/login/"' in html and 'href="/password-reset/"' in html


def test_with_errors_every_described_id_is_on_the_page(client):
    response = _signup(client, password2="not-the-same-phrase-1")
    assert response.status_code == 200
    page = _Page(response.content.decode())
    assert "id_password2_error" in page.described["password2"]
    for name, ids in page.described.items():
        assert set(ids) <= page.ids, f"{name} points to {ids}, not all on the page"


@pytest.mark.parametrize("email", ["", "not-an-address", "casey@", "casey@example"])
def test_a_missing_or_malformed_address_is_refused(client, django_user_model, email):
    response = _signup(client, email=email)
    assert response.status_code == 200
    assert _error_of(response, "email")
    assert not django_user_model.objects.filter(username="casey").exists()


def test_an_address_is_kept_for_one_account_only(client, django_user_model):
    django_user_model.objects.create_user(
        "headhunter", email="Hunter@Example.com", password="pw-for-tests-only", is_staff=True
    )
    for typed in ("hunter@example.com", "HUNTER@EXAMPLE.COM", " hunter@example.com "):
        response = _signup(client, email=typed)
        assert _error_of(response, "email") == ADDRESS_IN_USE
        assert "staff" not in ADDRESS_IN_USE.lower()
    assert not django_user_model.objects.filter(username="casey").exists()
    assert _signup(client, email="casey@Example.COM").status_code == 302
    assert django_user_model.objects.get(username="casey").email == "casey@example.com"
    # The second person to try the address after that is refused too.
    assert _error_of(_signup(client, "other", email="CASEY@example.com"), "email") == ADDRESS_IN_USE


def test_an_account_made_on_the_sign_up_page_resets_its_password(client, django_user_model):
    signed_up = _signup(client)
    assert signed_up.status_code == 302 and signed_up["Location"] == "/practice/"
    client.post("/logout/")
    assert "_auth_user_id" not in client.session

    # "Forgotten your password?" on the sign-in page leads to the reset form.
    assert 'href="/password-reset/"' in client.get("/login/").content.decode()
    asked = client.post("/password-reset/", {"email": "Casey@example.com"}, follow=True)
    assert asked.status_code == 200
    [message] = mail.outbox
    assert message.to == ["casey@example.com"]
    link = RESET_LINK.search(message.body)
    assert link, message.body
    opened = client.get(link.group(1), follow=True)
    set_url = opened.redirect_chain[-1][0]
    # The new-password form lists the rules too, and its described ids exist.
    page = _Page(opened.content.decode())
    assert page.described["new_password1"] == ["id_new_password1_helptext"]
    assert set(page.described["new_password1"]) <= page.ids
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True)
    assert "/reset/done/" in done.redirect_chain[-1][0]

    assert client.post("/login/", {"username": "casey", "password": PASSWORD}).status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.post("/login/", {"username": "casey", "password": NEW_PASSWORD}).status_code == 302
    assert client.session["_auth_user_id"] == str(django_user_model.objects.get(username="casey").pk)
