"""Issue 16, point 4: the candidate's voluntary self-identification form.

It is offered (not required) on the page before submitting, says who sees the answers and why,
always offers "Prefer not to say", stores answers in their own table (never in the answers),
lets the candidate change or withdraw them with their link (after submission too), and the
answers are deleted with the candidate's personal data.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.fairness.models import PREFER_NOT_TO_SAY, Category, SelfIdentification
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

SLUGS = ["type-1-vs-type-2-errors"]


@pytest.fixture
def recruiter(django_user_model):
    user = django_user_model.objects.create_user("rita", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name="recruiter"))
    return user


@pytest.fixture
def started(recruiter):
    """A candidate half-way through a one-question assessment, with an answer typed."""
    import_small_bank(SLUGS)
    assessment = services.create_assessment("Screen", recruiter, time_limit_minutes=30)
    version = assessment.latest
    services.set_items(version, [services.ItemSpec("question", SLUGS[0])], recruiter)
    services.publish(version, recruiter)
    invitation, token = services.invite(version, "Ada Lovelace", "ada@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    item = version.items.get()
    services.autosave(attempt, item.pk, "Type I is a false positive; type II a false negative.")
    return invitation, token, attempt


@pytest.fixture
def categories():
    # An administrator typed "prefer not to say" too: it is offered once, last.
    age = Category.objects.create(
        name="Age band", labels="under 40\n40 and over\nprefer not to say\n", position=0
    )
    gender = Category.objects.create(name="Gender", labels="Woman\nMan\nNon-binary\n\nWoman", position=1)
    return age, gender


def test_prefer_not_to_say_is_always_offered_once_and_last(categories):
    age, gender = categories
    assert age.choices == ["under 40", "40 and over", PREFER_NOT_TO_SAY]
    assert gender.choices == ["Woman", "Man", "Non-binary", PREFER_NOT_TO_SAY]


def test_the_offer_appears_before_starting_and_submitting_only_when_categories_exist(started, recruiter):
    invitation, token, _ = started
    _, fresh = services.invite(invitation.version, "Grace Hopper", "grace@example.com", recruiter)
    client = Client()
    pages = {token: f"/take/{token}/submit/", fresh: f"/take/{fresh}/"}  # the landing page, not started
    for page in pages.values():
        assert 'id="self-id-link"' not in client.get(page).content.decode()
    Category.objects.create(name="Age band", labels="under 40\n40 and over")
    for link, page in pages.items():
        html = client.get(page).content.decode()
        assert f'href="/take/{link}/about-you/"' in html and "no effect on your application" in html


def test_the_form_is_optional_says_who_sees_it_and_saves_apart_from_the_answers(started, categories):
    invitation, token, attempt = started
    age, gender = categories
    client = Client()
    page = client.get(f"/take/{token}/about-you/").content.decode()
    assert "voluntary" in page and "never see them" in page and "fairness auditor" in page
    assert page.count(f'value="{PREFER_NOT_TO_SAY}"') == 2  # once per category
    assert page.count('value="" checked') == 2  # nothing chosen until the candidate chooses
    answers_before = list(m.Answer.objects.values_list("pk", "content", "revision"))

    response = client.post(
        f"/take/{token}/about-you/", {f"category-{age.pk}": "40 and over", f"category-{gender.pk}": ""}
    )
    assert response.status_code == 302
    assert list(SelfIdentification.objects.values_list("invitation_id", "category__name", "label")) == [
        (invitation.pk, "Age band", "40 and over")
    ]
    assert list(m.Answer.objects.values_list("pk", "content", "revision")) == answers_before
    assert "40 and over" not in " ".join(m.Answer.objects.values_list("content", flat=True))
    # The attempt goes on as before: the form neither submits nor ends it.
    attempt.refresh_from_db()
    assert attempt.submitted_at is None

    # Changed: a label for the other category, the first one set to "Prefer not to say".
    client.post(
        f"/take/{token}/about-you/",
        {f"category-{age.pk}": PREFER_NOT_TO_SAY, f"category-{gender.pk}": "Non-binary"},
    )
    assert dict(SelfIdentification.objects.values_list("category__name", "label")) == {
        "Age band": PREFER_NOT_TO_SAY,
        "Gender": "Non-binary",
    }
    page = client.get(f"/take/{token}/about-you/").content.decode()
    assert 'value="Non-binary" checked' in page

    # A label the category does not offer is refused and changes nothing.
    client.post(f"/take/{token}/about-you/", {f"category-{age.pk}": "=1+1", f"category-{gender.pk}": "Woman"})
    assert dict(SelfIdentification.objects.values_list("category__name", "label"))["Gender"] == "Non-binary"


def test_after_submission_the_link_still_changes_or_withdraws_but_not_once_revoked(
    started, categories, recruiter
):
    invitation, token, attempt = started
    age, _ = categories
    services.submit(attempt)
    client = Client()
    assert client.get(f"/take/{token}/").status_code == 403  # the assessment is closed...
    assert client.get(f"/take/{token}/about-you/").status_code == 200  # ...the optional form is not
    client.post(f"/take/{token}/about-you/", {f"category-{age.pk}": "under 40"})
    assert SelfIdentification.objects.filter(invitation=invitation).count() == 1
    page = client.get(f"/take/{token}/about-you/").content.decode()
    assert "Withdraw all my answers" in page
    client.post(f"/take/{token}/about-you/", {"action": "withdraw"})
    assert not SelfIdentification.objects.exists()
    assert client.get("/take/not-a-real-token/about-you/").status_code == 403
    m.Invitation.objects.filter(pk=invitation.pk).update(revoked_at=attempt.submitted_at)
    assert client.get(f"/take/{token}/about-you/").status_code == 403


def test_deleting_the_candidates_personal_data_deletes_their_self_identification(
    started, categories, recruiter
):
    invitation, token, attempt = started
    age, gender = categories
    Client().post(
        f"/take/{token}/about-you/", {f"category-{age.pk}": "under 40", f"category-{gender.pk}": "Woman"}
    )
    services.submit(attempt)
    # Another candidate's answer stays.
    other, other_token = services.invite(invitation.version, "Grace Hopper", "grace@example.com", recruiter)
    Client().post(f"/take/{other_token}/about-you/", {f"category-{age.pk}": "40 and over"})
    assert SelfIdentification.objects.count() == 3
    services.delete_candidate(invitation.candidate, recruiter)
    assert list(SelfIdentification.objects.values_list("invitation_id", "label")) == [
        (other.pk, "40 and over")
    ]
    # The attempt's answers stay (anonymised), as for every deletion.
    assert m.Answer.objects.filter(attempt=attempt).exists()
    # And the form no longer opens for the deleted candidate's link.
    assert Client().get(f"/take/{token}/about-you/").status_code == 403


def test_a_team_deleting_its_own_invitation_deletes_that_invitations_answers_only(
    started, categories, recruiter
):
    """A candidate invited by two teams: one team's deletion moves its invitations to a new
    anonymised candidate; the self-identification of those invitations goes, the other stays."""
    invitation, token, _ = started
    age, _ = categories
    from mlinterview.web.accounts.models import Team

    other_team = Team.objects.create(name="Other team")
    second = services.create_assessment("Second screen", recruiter, time_limit_minutes=30)
    m.Assessment.objects.filter(pk=second.pk).update(team=other_team)
    version = second.latest
    services.set_items(version, [services.ItemSpec("question", SLUGS[0])], recruiter)
    services.publish(version, recruiter)
    kept, kept_token = services.invite(version, "Ada Lovelace", "ada@example.com", recruiter)
    assert kept.candidate_id == invitation.candidate_id
    Client().post(f"/take/{token}/about-you/", {f"category-{age.pk}": "under 40"})
    Client().post(f"/take/{kept_token}/about-you/", {f"category-{age.pk}": "under 40"})
    mine = m.Invitation.objects.filter(pk=invitation.pk)
    services.delete_candidate(invitation.candidate, recruiter, within=mine)
    assert list(SelfIdentification.objects.values_list("invitation_id", flat=True)) == [kept.pk]
