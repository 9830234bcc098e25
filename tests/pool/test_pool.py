"""The talent pool's vetted profiles (issue 17, point 1): one-time-link sign-in, consent, the
candidate's own pages, levels from human-reviewed scores only, staleness, staff reveal, and the
profile going with a withdrawal or a deletion of the candidate's personal data."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services as a
from mlinterview.web.assessments.jobs.queues import TASK_QUEUES
from mlinterview.web.pool import levels, services, signin
from mlinterview.web.pool.models import Profile, SignInLink, SkillLevel
from tests.assessments.attempts import score_at, submitted_attempt
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

# In item order. Their skills, read from the question files by hand (content/questions/...):
# type-1-vs-type-2-errors: statistics-and-probability, model-evaluation
# support-vector-machine:  ml-algorithms, math-foundations
# loss-function:           ml-algorithms, math-foundations, model-evaluation
QUESTIONS = ["type-1-vs-type-2-errors", "support-vector-machine", "loss-function"]


def _staff(django_user_model, username: str, role: str):
    user = django_user_model.objects.create_user(username, password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def world(django_user_model, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": TASK_QUEUES}
    }
    import_small_bank(QUESTIONS)
    rita = _staff(django_user_model, "rita", "recruiter")
    ivan = _staff(django_user_model, "ivan", "interviewer")
    assessment = a.create_assessment("Pool screen", rita, time_limit_minutes=30)
    a.assign_reviewers(assessment, [ivan], rita)
    version = assessment.latest
    a.set_items(version, [a.ItemSpec("question", s) for s in QUESTIONS], rita)
    a.publish(version, rita)
    return {"rita": rita, "ivan": ivan, "version": version}


def _scored(attempt: m.Attempt, when) -> None:
    m.Score.objects.filter(answer__attempt=attempt, primary=True, status=m.Score.Status.DONE).update(
        scored_at=when
    )


@pytest.fixture
def signed_in(django_capture_on_commit_callbacks):
    """Sign a browser in as the candidate through a real one-time link (the mailed one)."""

    def sign_in(email: str) -> Client:
        client = Client()
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/pool/sign-in/", {"email": email})
        (message,) = mail.outbox
        path = re.search(r"https?://[^/\s]+(/pool/sign-in/[^\s]+/)", message.body).group(1)
        assert client.post(path).status_code == 302
        return client

    return sign_in


def test_the_level_scale():
    assert [levels.level_of(x) for x in (0.0, 0.19, 0.2, 0.39, 0.4, 0.6, 0.79, 0.8, 1.0)] == [
        0,
        0,
        1,
        1,
        2,
        3,
        3,
        4,
        4,
    ]
    with pytest.raises(ValueError):
        levels.level_of(1.2)


def test_one_time_link_is_hashed_at_rest_single_use_and_expires(world, django_capture_on_commit_callbacks):
    submitted_attempt(world["version"], world["rita"], "Ada Lovelace", "ada@example.com", [0.5, 0.5, 0.5])
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post("/pool/sign-in/", {"email": "nobody@example.com"})
        known = client.post("/pool/sign-in/", {"email": " ADA@example.com "})
    # The same answer whether the address is known or not; a message only for the known one.
    assert unknown.status_code == known.status_code == 200
    assert unknown.content == known.content
    (message,) = mail.outbox
    assert message.to == ["ada@example.com"]
    token = re.search(r"/pool/sign-in/([^/\s]+)/", message.body).group(1)
    link = SignInLink.objects.get()
    assert link.mail_status == SignInLink.MailStatus.HELD  # locmem: not a real delivery
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = " ".join(str(v) for v in SignInLink.objects.values().get().values())
    assert token not in stored

    # Opening the link asks for a click (mail scanners follow GETs); the POST signs in, once.
    assert client.get(f"/pool/sign-in/{token}/").status_code == 200
    assert client.get("/pool/me/").status_code == 302  # not signed in by the GET
    response = client.post(f"/pool/sign-in/{token}/")
    assert response.status_code == 302 and response["Location"] == "/pool/me/"
    assert client.get("/pool/me/").status_code == 200
    assert Client().post(f"/pool/sign-in/{token}/").status_code == 410  # used: never again

    # Expiry: a fresh link fails after LINK_MINUTES, works before.
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post("/pool/sign-in/", {"email": "ada@example.com"})
    assert second.status_code == 200
    token2 = re.search(r"/pool/sign-in/([^/\s]+)/", mail.outbox[-1].body).group(1)
    later = timezone.now() + timedelta(minutes=signin.LINK_MINUTES, seconds=1)
    assert signin.redeem(token2, now=later) is None
    assert signin.redeem(token2) == "ada@example.com"
    # A staff account is never signed in by it.
    assert "_auth_user_id" not in client.session
    # The sign-in itself lasts SESSION_HOURS.
    request = type("Request", (), {"session": client.session})()
    later = timezone.now() + timedelta(hours=signin.SESSION_HOURS, seconds=1)
    assert signin.signed_in_email(request) == "ada@example.com"
    assert signin.signed_in_email(request, now=later) is None and signin.SESSION_KEY not in request.session


def test_consent_opt_in_own_profile_edit_and_withdraw(world, signed_in):
    attempt = submitted_attempt(
        world["version"], world["rita"], "Ada Lovelace", "ada@example.com", [0.9, 0.5, 0.7]
    )
    _scored(attempt, timezone.now() - timedelta(hours=1))
    a.commit_review(attempt, world["ivan"])
    client = signed_in("ada@example.com")
    page = client.get("/pool/me/").content.decode()
    assert "/pool/me/join/" in page
    form = {
        "headline": "ML engineer, ranking systems",
        "years_experience": "6",
        "location": "Lisbon",
        "time_zone": "Europe/Lisbon",
        "availability": "now",
        "links": "https://example.org/ada",
    }
    # No consent, no profile; a link that is not a web address is refused.
    assert client.post("/pool/me/join/", form).status_code == 400
    bad_link = {**form, "consent": "yes", "links": "https://example.org/ada\njavascript:alert(1)"}
    assert client.post("/pool/me/join/", bad_link).status_code == 400
    assert not Profile.objects.exists()
    before = timezone.now()
    assert client.post("/pool/me/join/", {**form, "consent": "yes"}).status_code == 302
    profile = Profile.objects.get()
    assert (
        profile.consent_text == services.consent_text()
        and profile.consent_version == services.CONSENT_VERSION
    )
    assert "365 days" in profile.consent_text
    assert profile.consented_at >= before and profile.links == ["https://example.org/ada"]
    assert m.AuditEvent.objects.filter(action="pool.opt_in", target=f"profile:{profile.pk}").exists()

    page = client.get("/pool/me/").content.decode()
    assert "ML engineer, ranking systems" in page and "Ada L." in page
    # What backs each skill: model evaluation from items 1 and 3 (0.9 and 0.7: 80%, level 4).
    row = re.search(r"<th scope=\"row\">Model evaluation</th>(.*?)</tr>", page, re.S).group(1)
    assert "4/4" in row and "80%" in row and "2 questions" in row
    # Never the rubric or the reference answers.
    question = m.AssessmentItem.objects.get(version=world["version"], position=0).question_version
    assert question.data["reference_answer"].split("\n")[0][:40] not in page
    for point in question.data.get("key_points", []):
        assert str(point)[:40] not in page

    assert client.post("/pool/me/edit/", {**form, "headline": "Staff ML engineer"}).status_code == 302
    assert Profile.objects.get().headline == "Staff ML engineer"

    assert client.post("/pool/me/withdraw/").status_code == 302
    assert not Profile.objects.exists() and not SkillLevel.objects.exists()
    assert "no profile" in client.get("/pool/me/").content.decode()


def test_only_reviewed_scores_make_levels_and_a_commit_recomputes(world):
    attempt = submitted_attempt(
        world["version"], world["rita"], "Ada Lovelace", "ada@example.com", [0.9, 0.3, None]
    )
    _scored(attempt, timezone.now() - timedelta(hours=1))
    profile = services.opt_in("ada@example.com", True, services.ProfileInput())
    # Scored automatically, reviewed by nobody: no level at all; nor from an override outside a
    # committed review.
    assert not profile.skill_levels.exists()
    a.override_score(score_at(attempt, 1), world["rita"], 0.3, "Same value, said before any commit.")
    services.recompute(profile)
    assert not profile.skill_levels.exists()

    a.commit_review(attempt, world["ivan"])  # the signal recomputes
    got = {r.skill: (r.level, r.questions, r.attempt_ids) for r in profile.skill_levels.all()}
    assert got == {
        "statistics-and-probability": (4, 1, [attempt.pk]),
        "model-evaluation": (4, 1, [attempt.pk]),
        "ml-algorithms": (1, 1, [attempt.pk]),
        "math-foundations": (1, 1, [attempt.pk]),
    }
    # The third answer is scored automatically after the commit: nobody confirmed it, so it
    # changes nothing even when the levels are worked out again.
    third = score_at(attempt, 2)
    m.Score.objects.filter(pk=third.pk).update(
        status=m.Score.Status.DONE, auto_value=0.0, scored_at=timezone.now() + timedelta(seconds=1)
    )
    services.recompute(profile)
    assert profile.skill_levels.get(skill="ml-algorithms").questions == 1

    # A reviewer's override is a human score: it counts (and recomputes on its own).
    a.override_score(score_at(attempt, 2), world["rita"], 0.1, "Misses the point about convexity.")
    algorithms = profile.skill_levels.get(skill="ml-algorithms")
    assert (algorithms.questions, algorithms.level) == (2, 1)  # mean of 0.3 and 0.1
    assert profile.skill_levels.get(skill="model-evaluation").level == 2  # (0.9 + 0.1) / 2


def test_a_level_is_stale_after_the_expiry(world, settings, signed_in):
    attempt = submitted_attempt(
        world["version"], world["rita"], "Ada Lovelace", "ada@example.com", [0.9, 0.9, 0.9]
    )
    _scored(attempt, timezone.now() - timedelta(hours=1))
    a.commit_review(attempt, world["ivan"])
    profile = services.opt_in("ada@example.com", True, services.ProfileInput())
    settings.MLINTERVIEW_POOL_LEVEL_VALID_DAYS = 30
    verified = profile.skill_levels.first().verified_at
    assert not any(s.stale for s in services.shown_levels(profile, now=verified + timedelta(days=29)))
    assert all(s.stale for s in services.shown_levels(profile, now=verified + timedelta(days=31)))
    m_levels = SkillLevel.objects.filter(profile=profile)
    m_levels.update(verified_at=timezone.now() - timedelta(days=31))
    client = signed_in("ada@example.com")
    assert "out of date since" in client.get("/pool/me/").content.decode()


def test_staff_reveal_is_audited_and_candidates_see_only_their_own(world, django_user_model, signed_in):
    attempt = submitted_attempt(
        world["version"], world["rita"], "Ada Lovelace", "ada@example.com", [0.9, 0.5, 0.7]
    )
    _scored(attempt, timezone.now() - timedelta(hours=1))
    a.commit_review(attempt, world["ivan"])
    submitted_attempt(world["version"], world["rita"], "Grace Hopper", "grace@example.com", [0.4, 0.4, 0.4])
    ada = services.opt_in("ada@example.com", True, services.ProfileInput(headline="Ada's secret headline"))

    # Another candidate, signed in with their own link, sees only their own (absent) profile.
    grace = signed_in("grace@example.com")
    assert "Ada's secret headline" not in grace.get("/pool/me/").content.decode()
    assert grace.get(f"/pool/profiles/{ada.pk}/").status_code == 302  # to the staff sign-in

    rita = Client()
    rita.force_login(world["rita"])
    page = rita.get(f"/pool/profiles/{ada.pk}/").content.decode()
    assert "Ada L." in page and "Lovelace" not in page and "ada@example.com" not in page
    assert f"/assessments/{world['version'].assessment_id}/attempts/{attempt.pk}/" in page  # evidence
    rita.post(f"/pool/profiles/{ada.pk}/reveal/", {"reason": "  "})
    assert not m.AuditEvent.objects.filter(action=services.REVEAL).exists()
    rita.post(f"/pool/profiles/{ada.pk}/reveal/", {"reason": "Phone screen booked for Tuesday"})
    event = m.AuditEvent.objects.get(action=services.REVEAL)
    assert (event.actor, event.target) == (world["rita"], f"profile:{ada.pk}")
    assert event.details == {"reason": "Phone screen booked for Tuesday"}
    page = rita.get(f"/pool/profiles/{ada.pk}/").content.decode()
    assert "Ada Lovelace" in page and "ada@example.com" in page
    # Revealed to Rita, not to another recruiter; an interviewer may not open the pool.
    rex = Client()
    rex.force_login(_staff(django_user_model, "rex", "recruiter"))
    assert "Lovelace" not in rex.get(f"/pool/profiles/{ada.pk}/").content.decode()
    ivan = Client()
    ivan.force_login(world["ivan"])
    assert ivan.get(f"/pool/profiles/{ada.pk}/").status_code == 403


def test_deleting_the_candidates_personal_data_deletes_the_profile(world):
    attempt = submitted_attempt(
        world["version"], world["rita"], "Ada Lovelace", "ada@example.com", [0.9, 0.5, 0.7]
    )
    services.opt_in("ada@example.com", True, services.ProfileInput())
    a.delete_candidate(attempt.invitation.candidate, world["rita"])
    assert not Profile.objects.exists()


def test_sign_in_links_are_masked_in_logs_and_the_console_mail(
    world, settings, capsys, django_capture_on_commit_callbacks
):
    """A sign-in link is as good as a password for the profile: the request log and the
    development console backend show it masked, as they do invitation links."""
    from mlinterview.web.logs import redact_tokens

    assert redact_tokens("GET /pool/sign-in/Abc-123_x/ HTTP/1.1") == "GET /pool/sign-in/<redacted>/ HTTP/1.1"
    assert redact_tokens("POST /pool/sign-in/ HTTP/1.1") == "POST /pool/sign-in/ HTTP/1.1"  # the form
    settings.EMAIL_BACKEND = "mlinterview.web.mail.RedactingConsoleBackend"
    submitted_attempt(world["version"], world["rita"], "Ada Lovelace", "ada@example.com", [0.5, 0.5, 0.5])
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/pool/sign-in/", {"email": "ada@example.com"})
    printed = capsys.readouterr().out
    assert "/pool/sign-in/<redacted>/" in printed
    assert not re.search(r"/pool/sign-in/[A-Za-z0-9_-]{20,}", printed)


def test_an_interview_alone_makes_a_candidate_eligible(world):
    from mlinterview.web.interviews import models as im

    candidate = m.Candidate.objects.create(name="Grace Hopper", email="grace@example.com")
    interview = im.Interview.objects.create(
        candidate_name="Grace Hopper", candidate=candidate, level="mid", minutes=45, created_by=world["rita"]
    )
    card = im.Scorecard.objects.create(interview=interview, interviewer=world["ivan"], recommendation="yes")
    assert not services.eligible("grace@example.com")  # the scorecard is not submitted yet
    im.Scorecard.objects.filter(pk=card.pk).update(submitted_at=timezone.now())
    assert services.eligible("Grace@Example.com")
    profile = services.opt_in("grace@example.com", True, services.ProfileInput())
    assert profile.anonymous_name == "Grace H." and not profile.skill_levels.exists()


def test_a_change_of_levels_is_announced_once_as_a_webhook_event(world):
    from mlinterview.web.webhooks import models as wm

    wm.Endpoint.objects.create(url="https://8.8.8.8/hook", secret="whsec_pool", events=["profile.verified"])
    attempt = submitted_attempt(
        world["version"], world["rita"], "Ada Lovelace", "ada@example.com", [0.9, 0.3, 0.5]
    )
    _scored(attempt, timezone.now() - timedelta(hours=1))
    profile = services.opt_in("ada@example.com", True, services.ProfileInput())
    assert not wm.Event.objects.exists()  # no level yet, nothing to announce
    a.commit_review(attempt, world["ivan"])
    (event,) = wm.Event.objects.filter(name="profile.verified")
    assert event.payload["profile_id"] == profile.pk
    assert event.payload["levels"] == {
        "statistics-and-probability": 4,
        "model-evaluation": 3,  # (0.9 + 0.5) / 2
        "ml-algorithms": 2,  # (0.3 + 0.5) / 2
        "math-foundations": 2,
    }
    assert "Lovelace" not in str(event.payload) and "ada@" not in str(event.payload)
    services.recompute(profile)  # nothing changed: nothing new to say
    assert wm.Event.objects.count() == 1
    a.override_score(score_at(attempt, 1), world["rita"], 0.9, "Reread: it is right.")
    assert wm.Event.objects.filter(name="profile.verified").count() == 2
