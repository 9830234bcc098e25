"""The browsable bank, the question page and the role profile, rendered by the real app."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from mlinterview.web.questions.importer import import_bank
from tests.shipped import shipped_bank

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank():
    bank = shipped_bank()
    import_bank(bank)
    return bank


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("recruiter", password="pw-for-tests-only", is_staff=True)


@pytest.fixture
def staff_client(staff) -> Client:
    client = Client()
    client.force_login(staff)
    return client


def test_home_lists_sets_for_anyone(client, bank):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for qset in bank.sets.values():
        assert qset.title in html
    assert 'href="/login/?next=/bank/"' in html


def test_bank_needs_staff_sign_in(client, bank, django_user_model):
    response = client.get("/bank/")
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=/bank/")
    response = client.get("/bank/type-1-vs-type-2-errors/")
    assert response.status_code == 302
    candidate = django_user_model.objects.create_user("candidate", password="pw-for-tests-only")
    client.force_login(candidate)
    response = client.get("/bank/type-1-vs-type-2-errors/")
    assert response.status_code == 403
    assert "Reference answer" not in response.content.decode()


@override_settings(MLINTERVIEW_PUBLIC_BANK=True)
def test_public_bank_setting_opens_it(client, bank):
    assert client.get("/bank/").status_code == 200


def test_list_shows_every_question(staff_client, bank):
    html = staff_client.get("/bank/").content.decode()
    for question in bank:
        assert f'href="/bank/{question.slug}/"' in html


def test_filters_by_set_level_and_tag(staff_client, bank):
    html = staff_client.get("/bank/", {"set": "coding"}).content.decode()
    slugs = set(re.findall(r'href="/bank/([a-z0-9-]+)/"', html))
    assert slugs == {q.slug for q in bank.filter(set="coding")}
    html = staff_client.get("/bank/", {"level": "senior"}).content.decode()
    slugs = set(re.findall(r'href="/bank/([a-z0-9-]+)/"', html))
    assert slugs == {q.slug for q in bank.filter(level="senior")}
    html = staff_client.get("/bank/", {"tag": "evaluation"}).content.decode()
    slugs = set(re.findall(r'href="/bank/([a-z0-9-]+)/"', html))
    assert slugs == {q.slug for q in bank.filter(tag="evaluation")}


def test_search_box_ranks_best_match_first(staff_client, bank):
    html = staff_client.get("/bank/", {"q": "false positive vs false negative"}).content.decode()
    first = re.search(r'<ol class="questions">\s*<li>\s*<a href="/bank/([a-z0-9-]+)/"', html)
    assert first and first.group(1) == "type-1-vs-type-2-errors"
    assert "best match first" in html


def test_question_page_prompt_first_answer_on_request(staff_client, bank):
    question = bank.get("type-1-vs-type-2-errors")
    html = staff_client.get(reverse("question-detail", args=[question.slug])).content.decode()
    prompt_at = html.index("What is the difference between a type I error")
    details_at = html.index('<details class="reveal">')
    assert prompt_at < details_at
    revealed = html[details_at:]
    assert "Reference answer" in revealed
    for point in question.key_points:
        assert point in revealed
    for m in question.misconceptions:
        assert m.correction in revealed
    assert "<strong>type I error</strong>" in revealed  # Markdown rendered
    assert "version 1" in html


def test_open_ended_page_shows_signals(staff_client, bank):
    question = bank.get("most-important-skill")
    html = staff_client.get(f"/bank/{question.slug}/").content.decode()
    assert "Show interviewer guidance and rubric" in html
    for signal in question.signals.strong:
        assert signal.replace("'", "&#x27;").replace('"', "&quot;") in html


def test_unknown_and_retired_questions_404(staff_client, bank):
    assert staff_client.get("/bank/no-such-question/").status_code == 404
    from mlinterview.web.questions.models import Question

    Question.objects.filter(slug="roc-curve").update(retired=True)
    assert staff_client.get("/bank/roc-curve/").status_code == 404
    assert 'href="/bank/roc-curve/"' not in staff_client.get("/bank/").content.decode()


def test_role_profile_page(client, bank):
    html = client.get("/role/").content.decode()
    assert bank.role_profile.title in html
    for skill in bank.role_profile.core_skills:
        assert skill.name in html


def test_markdown_is_sanitised():
    from mlinterview.web.questions.templatetags.markdown_tags import render_markdown

    html = render_markdown("**ok** <script>alert(1)</script> [x](javascript:alert(1))")
    assert "<strong>ok</strong>" in html
    assert "<script" not in html and "javascript:" not in html


def test_login_page_and_sign_in(client, bank, staff):
    assert client.get("/login/").status_code == 200
    response = client.post("/login/", {"username": "recruiter", "password": "pw-for-tests-only"})
    assert response.status_code == 302
    assert client.get("/bank/").status_code == 200


def test_pages_have_accessible_landmarks(staff_client, bank):
    html = staff_client.get("/bank/").content.decode()
    assert '<html lang="en">' in html and '<main id="main">' in html
    for field_id in ("q", "set", "level", "tag"):
        assert f'<label for="{field_id}">' in html


def test_coverage_page_maps_skills_to_questions(staff_client, bank):
    html = staff_client.get("/coverage/").content.decode()
    for skill in bank.role_profile.core_skills:
        assert skill.name in html
    evaluated = [q for q in bank if "model-evaluation" in q.skills]
    assert evaluated
    for question in evaluated:
        assert f'href="/bank/{question.slug}/"' in html


def test_coverage_page_is_staff_only(client, bank):
    assert client.get("/coverage/").status_code == 302
