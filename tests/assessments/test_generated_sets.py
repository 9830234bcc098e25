"""Issue 15, point 4: a generated assessment set is drawn with a fresh random seed unless one is
given; the seed used is kept in the audit trail and shown to the recruiter (page and API), and
entering it draws the same set again."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from mlinterview.web.api.models import ApiToken
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services

pytestmark = pytest.mark.django_db


def _slugs(version: m.AssessmentVersion) -> list[str]:
    return [item.slug for item in version.items.all()]


def test_a_draw_without_a_seed_is_fresh_audited_and_reproducible(bank, recruiter):
    drawn = []
    for n in range(2):
        version = services.create_assessment(f"Screen {n}", recruiter).latest
        generated = services.generate_items(version, recruiter, level="mid", minutes=45)
        event = m.AuditEvent.objects.filter(
            action="assessment.generate", target=f"assessmentversion:{version.pk}"
        )
        assert event.get().details == {"level": "mid", "minutes": 45, "seed": generated.seed}
        assert f"seed {generated.seed}" in generated.note
        drawn.append((generated.seed, _slugs(version)))
    assert len({seed for seed, _ in drawn}) > 1, f"every draw used the same seed: {drawn}"
    assert len({tuple(slugs) for _, slugs in drawn}) > 1, "every draw chose the same questions"
    seed, slugs = drawn[0]
    again = services.create_assessment("Same again", recruiter).latest
    assert services.generate_items(again, recruiter, level="mid", minutes=45, seed=seed).seed == seed
    assert _slugs(again) == slugs


def test_the_builder_and_the_api_show_the_seed_and_take_it_back(bank, recruiter):
    client = Client()
    client.force_login(recruiter)
    first = services.create_assessment("First", recruiter)
    response = client.post(
        f"/assessments/{first.pk}/generate/", {"level": "junior", "minutes": 30, "seed": ""}, follow=True
    )
    said = re.search(r"Drawn with seed (\d+); enter it as the seed to draw the same set again", response.text)
    assert said, "the page should say which seed the draw used"
    seed = int(said[1])
    assert m.AuditEvent.objects.get(action="assessment.generate").details["seed"] == seed
    second = services.create_assessment("Second", recruiter)
    client.post(f"/assessments/{second.pk}/generate/", {"level": "junior", "minutes": 30, "seed": str(seed)})
    assert _slugs(second.latest) == _slugs(first.latest) != []
    # The form no longer offers one fixed seed: left alone, it draws afresh.
    form = client.get(f"/assessments/{first.pk}/").text
    assert re.search(r'<input id="gen-seed" name="seed" type="number"[^>]*placeholder="random"', form)
    assert 'name="seed" type="number" value=' not in form
    bad = client.post(
        f"/assessments/{second.pk}/generate/", {"level": "mid", "minutes": 30, "seed": "x"}, follow=True
    )
    assert "The seed must be a whole number" in bad.text
    assert _slugs(second.latest) == _slugs(first.latest)
    # The API answers with the seed it drew with, and takes it back.
    _, key = ApiToken.issue(recruiter, "generator", scopes=["assessments:write"])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    client = Client()
    first = services.create_assessment("Api first", recruiter)
    body = client.post(
        f"/api/assessments/{first.pk}/generate",
        {"level": "senior", "minutes": 40},
        "application/json",
        **headers,
    ).json()
    seed = body["seed"]
    assert m.AuditEvent.objects.filter(action="assessment.generate").latest("pk").details["seed"] == seed
    second = services.create_assessment("Api second", recruiter)
    again = client.post(
        f"/api/assessments/{second.pk}/generate",
        {"level": "senior", "minutes": 40, "seed": seed},
        "application/json",
        **headers,
    ).json()
    assert again["seed"] == seed
    assert [i["slug"] for i in again["latest"]["items"]] == [i["slug"] for i in body["latest"]["items"]]
