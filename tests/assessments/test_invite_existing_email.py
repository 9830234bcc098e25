"""Issue 15, point 2: inviting an e-mail that already belongs to a candidate under another name
warns and lets the recruiter choose (keep the name on file or use the typed one); the name is never
replaced silently, in the service, the form or a CSV upload."""

from __future__ import annotations

import pytest
from django.test import Client

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def second(published, recruiter):
    """Another published assessment of Rita's, to invite the same person to."""
    assessment = services.create_assessment("Second screen", recruiter, time_limit_minutes=30)
    version = assessment.latest
    services.set_items(version, [services.ItemSpec("question", "loss-function")], recruiter)
    services.publish(version, recruiter)
    services.invite(published, "Ada Lovelace", "ada@example.com", recruiter)
    return version


def _ada() -> m.Candidate:
    return m.Candidate.objects.get(email="ada@example.com")


def test_the_service_refuses_to_choose_for_the_recruiter(second, recruiter):
    with pytest.raises(services.NameConflict) as raised:
        services.invite(second, "Ada King", "ADA@example.com ", recruiter)
    assert (raised.value.existing, raised.value.typed) == ("Ada Lovelace", "Ada King")
    assert _ada().name == "Ada Lovelace" and not second.invitations.exists()


def test_the_same_name_needs_no_choice(second, recruiter):
    invitation, _ = services.invite(second, "ada lovelace", "ada@example.com", recruiter)
    assert invitation.candidate == _ada() and _ada().name == "Ada Lovelace"


def test_keeping_the_existing_name(second, recruiter):
    services.invite(second, "Ada King", "ada@example.com", recruiter, name_choice="keep")
    assert _ada().name == "Ada Lovelace" and second.invitations.get().candidate == _ada()


def test_using_the_typed_name_is_recorded(second, recruiter):
    from mlinterview.web.assessments.models import AuditEvent

    services.invite(second, "Ada King", "ada@example.com", recruiter, name_choice="typed")
    assert _ada().name == "Ada King"
    assert AuditEvent.objects.filter(action="candidate.rename").exists()


def test_the_form_warns_and_offers_both_names(second, recruiter):
    client = Client()
    client.force_login(recruiter)
    url = f"/assessments/{second.assessment_id}/invite/"
    page = client.post(url, {"name": "Ada King", "email": "ada@example.com"}, follow=True)
    text = page.content.decode()
    assert "already" in text and "Ada Lovelace" in text and "Ada King" in text
    assert 'name="name_choice" value="keep"' in text and 'name="name_choice" value="typed"' in text
    assert not second.invitations.exists() and _ada().name == "Ada Lovelace"

    client.post(url, {"name": "Ada King", "email": "ada@example.com", "name_choice": "keep"})
    assert second.invitations.count() == 1 and _ada().name == "Ada Lovelace"


def test_the_form_can_use_the_typed_name(second, recruiter):
    client = Client()
    client.force_login(recruiter)
    url = f"/assessments/{second.assessment_id}/invite/"
    client.post(url, {"name": "Ada King", "email": "ada@example.com", "name_choice": "typed"})
    assert second.invitations.count() == 1 and _ada().name == "Ada King"


def test_a_csv_row_with_another_name_is_reported_not_replaced(second, recruiter):
    result = services.invite_csv(
        second, "name,email\nAda King,ada@example.com\nBo,bo@example.com\n", recruiter
    )
    assert [i.candidate.email for i, _ in result.invited] == ["bo@example.com"]
    assert len(result.errors) == 1 and "line 2" in result.errors[0] and "Ada Lovelace" in result.errors[0]
    assert _ada().name == "Ada Lovelace"


def test_another_teams_candidate_is_never_renamed(second, recruiter, django_user_model):
    """The candidate row is shared by every team that invites the e-mail: a recruiter may keep the
    name on file but not rename someone another team also invited (issue 14's team rules)."""
    from django.contrib.auth.models import Group

    from mlinterview.web.accounts.models import Membership, Team
    from mlinterview.web.accounts.teams import add_member
    from mlinterview.web.assessments import access

    bob = django_user_model.objects.create_user("bob", password="pw-for-tests-only", is_staff=True)
    bob.groups.add(Group.objects.get(name="recruiter"))
    add_member(Team.objects.create(name="Team B"), bob, Membership.Role.RECRUITER)
    theirs = services.create_assessment("Team B screen", bob, time_limit_minutes=30)
    services.set_items(theirs.latest, [services.ItemSpec("question", "loss-function")], bob)
    services.publish(theirs.latest, bob)
    within = access.invitations_managed_by(bob)

    with pytest.raises(services.NameConflict) as raised:
        services.invite(theirs.latest, "Ada King", "ada@example.com", bob, within=within)
    assert raised.value.may_rename is False
    with pytest.raises(services.AssessmentError, match="another team"):
        services.invite(theirs.latest, "Ada King", "ada@example.com", bob, name_choice="typed", within=within)
    assert _ada().name == "Ada Lovelace" and not theirs.latest.invitations.exists()

    client = Client()
    client.force_login(bob)
    url = f"/assessments/{theirs.pk}/invite/"
    text = client.post(url, {"name": "Ada King", "email": "ada@example.com"}, follow=True).content.decode()
    assert 'value="keep"' in text and 'value="typed"' not in text
    client.post(url, {"name": "Ada King", "email": "ada@example.com", "name_choice": "typed"})
    assert _ada().name == "Ada Lovelace" and not theirs.latest.invitations.exists()
    client.post(url, {"name": "Ada King", "email": "ada@example.com", "name_choice": "keep"})
    assert _ada().name == "Ada Lovelace" and theirs.latest.invitations.count() == 1
