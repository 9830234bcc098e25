"""Issue 15, point 11, in the markup the server sends (fast, no browser; the browser scan with
axe-core and the contrast check are in tests/e2e/test_accessibility.py):

- every ``aria-describedby``, ``aria-labelledby`` and ``label for`` of the sign-up and the
  choose-a-new-password forms names an element that is on the page, before and after an error
  (Django points each field at ``<id>_helptext`` and ``<id>_error``; the templates must render
  elements with those ids, so the password rules are read out with the field);
- the builder's Move up, Move down and Remove buttons say which item they act on.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from mlinterview.web.assessments import services
from tests.assessments.conftest import _staff
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

REFERRING = ("aria-describedby", "aria-labelledby")


class _Page(HTMLParser):
    """The ids on a page, the id references of its elements, and its buttons' names."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[tuple[str, str, str]] = []  # (element, attribute, id)
        self.buttons: list[str] = []  # aria-label, or the text when there is none
        self._button: dict[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if found.get("id"):
            self.ids.add(found["id"])
        name = f"<{tag} {found.get('name') or found.get('id') or ''}>"
        for attribute in REFERRING:
            for ref in found.get(attribute, "").split():
                self.references.append((name, attribute, ref))
        if tag == "label" and found.get("for"):
            self.references.append((name, "for", found["for"]))
        if tag == "button":
            self._button, self._text = found, []

    def handle_data(self, data: str) -> None:
        if self._button is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "button" and self._button is not None:
            self.buttons.append(self._button.get("aria-label") or " ".join("".join(self._text).split()))
            self._button = None


def _parsed(response) -> _Page:
    assert response.status_code == 200, response.status_code
    page = _Page()
    page.feed(response.content.decode())
    return page


def _dangling(response) -> list[tuple[str, str, str]]:
    page = _parsed(response)
    assert page.references, "the form should refer to its help texts and labels"
    return [ref for ref in page.references if ref[2] not in page.ids]


def test_sign_up_refers_only_to_what_is_on_the_page(client):
    shown = client.get("/signup/")
    assert _dangling(shown) == []
    assert 'aria-describedby="id_password1_helptext"' in shown.content.decode()
    # The password rules are on the page before any error, where the field points to them.
    assert 'id="id_password1_helptext"' in shown.content.decode()
    refused = client.post("/signup/", {"username": "casey", "password1": "short", "password2": "other"})
    assert _dangling(refused) == []
    assert 'id="id_password2_error"' in refused.content.decode()


def test_choosing_a_new_password_refers_only_to_what_is_on_the_page(client, django_user_model):
    ada = django_user_model.objects.create_user("ada", email="ada@example.com", password="pw-for-tests-only")
    link = f"/reset/{urlsafe_base64_encode(force_bytes(ada.pk))}/{default_token_generator.make_token(ada)}/"
    opened = client.get(link, follow=True)
    assert 'name="new_password1"' in opened.content.decode()
    assert _dangling(opened) == []
    set_url = opened.redirect_chain[-1][0]
    refused = client.post(set_url, {"new_password1": "short", "new_password2": "other"})
    assert _dangling(refused) == []


def test_the_builder_buttons_name_their_item(client, django_user_model):
    bank = import_small_bank(["loss-function", "support-vector-machine"])
    rita = _staff(django_user_model, "rita", "recruiter")
    draft = services.create_assessment("Named buttons", rita, time_limit_minutes=30)
    slugs = ["loss-function", "support-vector-machine"]
    services.set_items(draft.latest, [services.ItemSpec("question", slug) for slug in slugs], rita)
    client.force_login(rita)
    buttons = _parsed(client.get(f"/assessments/{draft.pk}/")).buttons
    for slug in slugs:
        title = bank.questions[slug].title
        for action in (f"Move {title} up", f"Move {title} down", f"Remove {title}"):
            assert action in buttons, (action, buttons)
    # No item button is named by its action alone: a screen reader user hears which item it is.
    assert not {"Move up", "Move down", "Remove", "↑", "↓"} & set(buttons)
