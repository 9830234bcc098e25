"""Talent pool search, shortlists and shared links (issue 17, point 2): filters and ranking with
its explanation, anonymity until an audited reveal, a shortlist shared with someone signed out
(until the link expires or is revoked), its PDF of cards, inviting from a result, and the API."""

from __future__ import annotations

import re
import subprocess
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from mlinterview.web.api.models import ApiToken
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services as a
from mlinterview.web.pool import search, shortlists
from mlinterview.web.pool.models import Profile, SkillLevel
from mlinterview.web.pool.shortlist_models import ShareLink, Shortlist

pytestmark = pytest.mark.django_db

EVAL, STATS, DL = "model-evaluation", "statistics-and-probability", "deep-learning"


def _staff(django_user_model, username: str, role: str):
    user = django_user_model.objects.create_user(username, password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=role))
    return user


def _profile(first, last, email, levels, *, years=5, availability="now", headline=""):
    profile = Profile.objects.create(
        email=email,
        first_name=first,
        last_name=last,
        headline=headline,
        years_experience=years,
        availability=availability,
        consent_version="test",
        consent_text="test",
        consented_at=timezone.now(),
    )
    for skill, (level, questions, exercises, days_ago) in levels.items():
        SkillLevel.objects.create(
            profile=profile,
            skill=skill,
            level=level,
            mean_score=level / 5 + 0.1,
            questions=questions,
            exercises=exercises,
            verified_at=timezone.now() - timedelta(days=days_ago),
            attempt_ids=[],
        )
    return profile


@pytest.fixture
def pool(django_user_model, settings):
    settings.MLINTERVIEW_POOL_LEVEL_VALID_DAYS = 365
    return {
        "rita": _staff(django_user_model, "rita", "recruiter"),
        "ivan": _staff(django_user_model, "ivan", "interviewer"),
        # Strong on both, but the evaluation level is 400 days old: stale, so below Bea.
        "ada": _profile(
            "Ada",
            "Lovelace",
            "ada@example.com",
            {EVAL: (4, 5, 1, 400), STATS: (4, 3, 0, 10)},
            years=12,
            headline="NLP research engineer",
        ),
        "bea": _profile(
            "Bea",
            "Kowalski",
            "bea@example.com",
            {EVAL: (3, 6, 0, 21), STATS: (3, 2, 0, 30)},
            years=4,
            headline="Data scientist, forecasting",
        ),
        # Current and high, but only one of the two skills: not a match for both.
        "cy": _profile(
            "Cy",
            "Young",
            "cy@example.com",
            {EVAL: (4, 2, 0, 3), DL: (4, 4, 1, 3)},
            years=8,
            availability="months",
            headline="Computer vision",
        ),
        # Both skills, one below the minimum.
        "dee": _profile("Dee", "Okafor", "dee@example.com", {EVAL: (2, 4, 0, 5), STATS: (4, 4, 0, 5)}),
    }


def test_search_filters_ranks_and_explains(pool, client):
    page = search.search(search.Query(skills={EVAL: 3, STATS: 3}))
    assert [r.profile.first_name for r in page.results] == ["Bea", "Ada"] and page.total == 2
    bea, ada = page.results
    # In the role profile's order: statistics first, then model evaluation.
    assert bea.matches[1].explained == "model evaluation 3/4 from 6 questions, verified 3 weeks ago"
    assert ada.matches[1].stale and ada.matches[1].explained.startswith(
        "model evaluation 4/4 from 5 questions and 1 exercise, verified 1 year ago (stale"
    )
    assert not ada.matches[0].stale and ada.stale_count == 1
    # Seniority, availability and headline words.
    assert [
        r.profile.first_name for r in search.search(search.Query(skills={EVAL: 3}, min_years=8)).results
    ] == [
        "Cy",
        "Ada",
    ]
    assert [r.profile.first_name for r in search.search(search.Query(availability=["months"])).results] == [
        "Cy"
    ]
    assert [r.profile.first_name for r in search.search(search.Query(text="nlp engineer")).results] == ["Ada"]
    with pytest.raises(search.SearchError):
        search.search(search.Query(skills={"juggling": 1}))

    # The page: anonymous names, the explanation, no e-mail address.
    client.force_login(pool["rita"])
    response = client.get("/pool/search/", {"skill": [EVAL, STATS], f"min_{EVAL}": 3, f"min_{STATS}": 3})
    html = response.content.decode()
    assert response.status_code == 200 and "2 profiles found" in html
    assert "Bea K." in html and "Ada L." in html and "Kowalski" not in html and "@example.com" not in html
    assert "model evaluation 3/4 from 6 questions, verified 3 weeks ago" in html
    assert html.index("Bea K.") < html.index("Ada L.")
    # An interviewer may not search the pool.
    client.force_login(pool["ivan"])
    assert client.get("/pool/search/", {"q": "x"}).status_code == 403


def test_reveal_is_audited_and_invite_uses_the_invitation_service(pool, client, settings):
    client.force_login(pool["rita"])
    ada = pool["ada"]
    page = client.get(f"/pool/profiles/{ada.pk}/").content.decode()
    assert "Ada L." in page and "ada@example.com" not in page
    assert client.post(f"/pool/profiles/{ada.pk}/reveal/", {"reason": ""}).status_code == 302
    assert not m.AuditEvent.objects.filter(action="pool.reveal").exists()
    client.post(f"/pool/profiles/{ada.pk}/reveal/", {"reason": "Phone screen on Tuesday"})
    event = m.AuditEvent.objects.get(action="pool.reveal")
    assert event.actor == pool["rita"] and event.details == {"reason": "Phone screen on Tuesday"}
    assert "ada@example.com" in client.get(f"/pool/profiles/{ada.pk}/").content.decode()

    # Invite Bea (never revealed) to a published assessment: the usual invitation and mail job.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assessment = a.create_assessment("Pool follow-up", pool["rita"], time_limit_minutes=30)
    from tests.assessments.small_bank import import_small_bank

    import_small_bank(["loss-function"])
    a.set_items(assessment.latest, [a.ItemSpec("question", "loss-function")], pool["rita"])
    a.publish(assessment.latest, pool["rita"])
    response = client.post(f"/pool/profiles/{pool['bea'].pk}/invite/", {"assessment": assessment.pk})
    assert response.status_code == 302
    invitation = m.Invitation.objects.get(candidate__email="bea@example.com")
    assert invitation.version.assessment == assessment and invitation.candidate.name == "Bea Kowalski"
    assert m.InvitationMail.objects.filter(invitation=invitation).exists()
    assert m.AuditEvent.objects.filter(action="pool.invite", target=f"profile:{pool['bea'].pk}").exists()


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "cards.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def test_shortlist_shared_link_works_signed_out_until_expired_or_revoked(pool, client, tmp_path):
    client.force_login(pool["rita"])
    back = f"/pool/search/?skill={EVAL}"
    client.post(f"/pool/profiles/{pool['bea'].pk}/shortlist/", {"name": "Q1 evaluation", "next": back})
    shortlist = Shortlist.objects.get(name="Q1 evaluation")
    response = client.post(f"/pool/profiles/{pool['ada'].pk}/shortlist/", {"shortlist": shortlist.pk})
    assert response.status_code == 302
    assert [c.name for c in shortlists.cards(shortlist)] == ["Bea K.", "Ada L."]

    response = client.post(f"/pool/shortlists/{shortlist.pk}/share/", {"days": 7})
    url = re.search(r'value="(https?://[^"]+/pool/shared/[^"]+/)"', response.content.decode()).group(1)
    token = url.rstrip("/").rsplit("/", 1)[1]
    link = ShareLink.objects.get(shortlist=shortlist)
    assert token not in link.token_hash and len(link.token_hash) == 64  # only the hash is kept
    path = url.split("://", 1)[1].split("/", 1)[1]

    hiring_manager = Client()  # signed out
    shared = hiring_manager.get(f"/{path}")
    html = shared.content.decode()
    assert shared.status_code == 200 and "Bea K." in html and "Ada L." in html
    assert "@example.com" not in html and "Kowalski" not in html and "/reveal/" not in html
    assert hiring_manager.post(f"/pool/shortlists/{shortlist.pk}/share/").status_code == 302  # to sign-in
    # Expired: the same link a day after its last moment.
    assert shortlists.open_shared(token, now=link.expires_at + timedelta(days=1)) is None
    assert shortlists.open_shared(token, now=link.expires_at - timedelta(minutes=1)) == shortlist
    # Revoked from the shortlist page.
    client.post(f"/pool/shortlists/{shortlist.pk}/links/{link.pk}/revoke/")
    assert hiring_manager.get(f"/{path}").status_code == 410
    assert m.AuditEvent.objects.filter(action="pool.share_revoked").count() == 1

    # The PDF of cards: anonymous, with the levels.
    response = client.get(f"/pool/shortlists/{shortlist.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content, tmp_path)
    assert "Q1 evaluation" in text and "Bea K." in text and "Ada L." in text
    assert "Model evaluation: 3/4" in text and "@example.com" not in text


def test_pool_api_has_the_pages_permissions(pool, client):
    shortlist = shortlists.create("API list", pool["rita"])
    shortlists.add(shortlist, pool["bea"], pool["rita"])
    _, full = ApiToken.issue(pool["rita"], "all")
    _, other_scopes = ApiToken.issue(pool["rita"], "no pool", scopes=["results:read"])
    _, interviewer = ApiToken.issue(pool["ivan"], "ivan")

    def get(path, key, **params):
        return client.get(f"/api{path}", params, HTTP_AUTHORIZATION=f"Bearer {key}")

    query = {"skill": [EVAL, STATS], "min_level": [3, 3]}
    found = get("/pool/search", full, **query).json()
    assert found["total"] == 2 and [r["name"] for r in found["results"]] == ["Bea K.", "Ada L."]
    assert found["results"][0]["matches"][1]["explained"].startswith("model evaluation 3/4 from 6 questions")
    assert get("/pool/search", full, skill="juggling").status_code == 400
    assert get("/pool/search", other_scopes, **query).status_code == 403
    assert get("/pool/search", interviewer, **query).status_code == 403
    assert client.get("/api/pool/search").status_code == 401

    profile = get(f"/pool/profiles/{pool['ada'].pk}", full).json()
    assert profile["name"] == "Ada L." and profile["email"] is None and not profile["revealed"]
    client.force_login(pool["rita"])
    client.post(f"/pool/profiles/{pool['ada'].pk}/reveal/", {"reason": "Reference call"})
    profile = get(f"/pool/profiles/{pool['ada'].pk}", full).json()
    assert profile["email"] == "ada@example.com" and profile["revealed"]
    assert get(f"/pool/profiles/{pool['ada'].pk}", interviewer).status_code == 403

    listed = get(f"/pool/shortlists/{shortlist.pk}", full).json()
    assert [p["name"] for p in listed["profiles"]] == ["Bea K."]
    assert get(f"/pool/shortlists/{shortlist.pk}", interviewer).status_code == 403


def test_the_row_per_profile_follows_levels_and_profiles(pool):
    """Search scans one row per profile (SearchEntry); changing a level, a profile's years, or
    deleting a level or the profile changes what search finds at once."""
    wanted = search.Query(skills={EVAL: 3, STATS: 3})
    dee = pool["dee"]
    level = SkillLevel.objects.get(profile=dee, skill=EVAL)
    level.level = 3
    level.save()
    assert "Dee" in [r.profile.first_name for r in search.search(wanted).results]
    dee.years_experience = 30
    dee.save()
    assert [r.profile.first_name for r in search.search(search.Query(min_years=20)).results] == ["Dee"]
    assert [
        r.profile.first_name for r in search.search(search.Query(skills={EVAL: 3}, min_years=20)).results
    ] == ["Dee"]
    level.delete()
    assert "Dee" not in [r.profile.first_name for r in search.search(wanted).results]
    pool["bea"].delete()  # a withdrawal deletes the profile: its row goes with it
    assert [r.profile.first_name for r in search.search(wanted).results] == ["Ada"]
    assert search.grouped_window(wanted.clean(), timezone.now()) == ([pool["ada"].pk], 1)
