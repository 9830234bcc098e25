"""Issue 14, finding 2: the calibration page must not reveal a panel's ratings early.

Leniency is each interviewer's mean distance from the panel mean on shared questions; on an
interview whose panel is still scoring it hands the last interviewer the others' ratings before
they have committed their own. The page therefore counts only interviews whose whole panel has
submitted, and only those who manage assessments (recruiters, administrators) may open it.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from mlinterview.web.accounts import roles
from mlinterview.web.interviews import services
from mlinterview.web.questions.importer import import_bank
from tests.shipped import shipped_bank

pytestmark = pytest.mark.django_db


def _user(model, name, role=None, **extra):
    user = model.objects.create_user(name, password="pw-for-tests-only", is_staff=True, **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def people(django_user_model):
    import_bank(shipped_bank())
    return {
        "ivan": _user(django_user_model, "ivan", roles.INTERVIEWER),
        "iris": _user(django_user_model, "iris", roles.INTERVIEWER),
        "otto": _user(django_user_model, "otto", roles.INTERVIEWER),
        "rita": _user(django_user_model, "rita", roles.RECRUITER),
        "adam": _user(django_user_model, "adam", roles.ADMIN),
        "root": _user(django_user_model, "root", is_superuser=True),
    }


def _submit(interview, user, values):
    card = services.scorecard_for(interview, user)
    items = list(interview.items.order_by("position"))
    services.save_ratings(card, {item.pk: (v, "") for item, v in zip(items, values, strict=False)})
    services.submit_scorecard(card, "yes", "Reasons")


@pytest.fixture
def half_scored(people):
    """ivan and iris have submitted (ivan always one point above iris); otto has not."""
    interview = services.create_interview(
        "Half",
        level="mid",
        minutes=30,
        seed=5,
        panel=[people["ivan"], people["iris"], people["otto"]],
        user=people["rita"],
    )
    n = interview.items.count()
    _submit(interview, people["ivan"], [3] * n)
    _submit(interview, people["iris"], [2] * n)
    return interview


def test_an_interview_still_being_scored_adds_nothing(half_scored, people):
    result = services.calibration()
    # Before the fix, ivan +0.5 / iris -0.5 showed here: otto could read their ratings.
    assert result.leniency == {} and result.counts == {}
    assert result.units == 0 and result.alpha is None


def test_the_interview_counts_once_the_whole_panel_has_submitted(half_scored, people):
    n = half_scored.items.count()
    _submit(half_scored, people["otto"], [2] * n)
    result = services.calibration()
    assert set(result.leniency) == {"ivan", "iris", "otto"}
    assert result.leniency["ivan"] > 0 > result.leniency["iris"]
    assert result.counts == {"ivan": n, "iris": n, "otto": n} and result.units == n


def test_only_complete_interviews_enter_the_figures(half_scored, people):
    done = services.create_interview(
        "Done", level="mid", minutes=30, seed=6, panel=[people["ivan"], people["iris"]], user=people["rita"]
    )
    n = done.items.count()
    _submit(done, people["ivan"], [4] * n)
    _submit(done, people["iris"], [1] * n)
    result = services.calibration()
    assert result.counts == {"ivan": n, "iris": n} and result.units == n
    assert result.leniency == {"ivan": 1.5, "iris": -1.5}


@pytest.mark.parametrize("name", ["ivan", "iris", "otto"])
def test_interviewers_may_not_open_the_page(half_scored, people, name):
    client = Client()
    client.force_login(people[name])
    assert client.get(reverse("calibration")).status_code == 403
    assert reverse("calibration") not in client.get(reverse("interview-list")).content.decode()


@pytest.mark.parametrize("name", ["rita", "adam", "root"])
def test_managers_see_the_page_without_the_unfinished_interview(half_scored, people, name):
    client = Client()
    client.force_login(people[name])
    response = client.get(reverse("calibration"))
    assert response.status_code == 200
    assert response.context["c"].leniency == {}
    assert "No shared ratings yet." in response.content.decode()
    assert reverse("calibration") in client.get(reverse("interview-list")).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(half_scored):
    response = Client().get(reverse("calibration"))
    assert response.status_code == 302 and "login" in response["Location"]
