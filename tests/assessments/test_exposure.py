"""Question exposure (issue 16, point 3): served counts, the over-exposure warning in the builder,
and retiring a leaked question or exercise (administrators only; it leaves drafts, the builder
and the generators, while published versions keep serving it to those already invited)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mlinterview.bank import Level
from mlinterview.bank.selection import SelectionRequest, select_questions
from mlinterview.web.accounts.models import Membership, Team
from mlinterview.web.accounts.teams import add_member
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.assessments.bank_picker import bank_page, exercise_page
from mlinterview.web.assessments.services import exposure
from mlinterview.web.questions.models import Question
from tests.assessments.small_bank import import_small_bank
from tests.shipped import shipped_bank

Q1, Q2, Q3 = "type-1-vs-type-2-errors", "support-vector-machine", "loss-function"
EXERCISE = "standardize"


@pytest.fixture
def bank(db):
    return import_small_bank([Q1, Q2, Q3])


def _user(django_user_model, username: str, role: str):
    user = django_user_model.objects.create_user(username, password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def rita(db, django_user_model):
    return _user(django_user_model, "rita", "recruiter")


@pytest.fixture
def root(db, django_user_model):
    return _user(django_user_model, "root", "admin")


def _published(user, title: str, specs: list[tuple[str, str]]) -> m.AssessmentVersion:
    assessment = services.create_assessment(title, user, time_limit_minutes=30)
    version = assessment.latest
    services.set_items(version, [services.ItemSpec(kind, slug) for kind, slug in specs], user)
    return services.publish(version, user)


def _open_item(token: str, position: int) -> None:
    """The candidate's browser: start the attempt, then show the item at ``position``."""
    client = Client()
    assert client.post(f"/take/{token}/start/").status_code == 302
    assert client.get(f"/take/{token}/item/{position}/").status_code == 200


@pytest.fixture
def served(bank, rita):
    """Team-less Rita's screen (Q1, Q2, the exercise): Ada sees Q1 only, Bea saves an answer to Q2
    without the page (a save is served too), Cy is invited and never starts; Ada meets Q1 again
    in a second assessment."""
    screen = _published(rita, "Screen A", [("question", Q1), ("question", Q2), ("exercise", EXERCISE)])
    _, ada = services.invite(screen, "Ada Lovelace", "ada@example.com", rita)
    _open_item(ada, 0)
    bea, _ = services.invite(screen, "Bea Tester", "bea@example.com", rita)
    attempt = services.start_attempt(bea)
    services.autosave(attempt, screen.items.get(position=1).pk, "An answer")
    services.invite(screen, "Cy Never", "cy@example.com", rita)
    again = _published(rita, "Screen A2", [("question", Q1)])
    _, ada_again = services.invite(again, "Ada Lovelace", "ada@example.com", rita)
    _open_item(ada_again, 0)
    return screen


def test_counts_times_distinct_candidates_and_first_shown(served):
    found = exposure.exposure_of([Q1, Q2, Q3], [EXERCISE])
    assert (found[("question", Q1)].times, found[("question", Q1)].candidates) == (2, 1)
    assert (found[("question", Q2)].times, found[("question", Q2)].candidates) == (1, 1)
    # Q3 is in no assessment; the exercise was in a started attempt but never shown.
    assert ("question", Q3) not in found and ("exercise", EXERCISE) not in found
    shown = m.Answer.objects.filter(item__question_version__question__slug=Q1, shown_at__isnull=False)
    first = shown.order_by("shown_at").first()
    assert found[("question", Q1)].since == first.shown_at


def test_builder_shows_exposure_from_one_query(served, rita):
    client = Client()
    client.force_login(rita)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/assessments/{served.assessment_id}/")
    text = page.content.decode()
    assert 'data-exposure="question:type-1-vs-type-2-errors">served 2 times to 1 candidate since' in text
    assert 'data-exposure="question:support-vector-machine">served 1 time to 1 candidate since' in text
    exercise_item = served.items.get(position=2).pk  # the exercise, among the assessment's items
    assert f'data-exposure="item:{exercise_item}">not served yet' in text
    counting = [q for q in queries.captured_queries if "shown_at" in q["sql"] and "COUNT" in q["sql"]]
    assert len(counting) == 1, "one aggregate query for every row of the page"
    assert "data-overexposed" not in text  # below the default threshold of 50
    assert "Retire as leaked" not in text  # only administrators retire


def test_warns_when_served_to_as_many_candidates_as_the_threshold(served, rita, settings):
    settings.MLINTERVIEW_EXPOSURE_WARN_AT = 1
    client = Client()
    client.force_login(rita)
    text = client.get(f"/assessments/{served.assessment_id}/").content.decode()
    assert 'data-overexposed="question:type-1-vs-type-2-errors"' in text
    assert 'data-overexposed="exercise:standardize"' not in text


def test_another_team_sees_the_numbers_never_the_candidates(served, django_user_model):
    bob = _user(django_user_model, "bob", "recruiter")
    add_member(Team.objects.create(name="Team B"), bob, Membership.Role.RECRUITER)
    own = services.create_assessment("Screen B", bob)
    client = Client()
    client.force_login(bob)
    text = client.get(f"/assessments/{own.pk}/?q=errors").content.decode()
    assert "served 2 times to 1 candidate" in text
    for secret in ("Ada Lovelace", "Bea Tester", "ada@example.com", "Screen A"):
        assert secret not in text


def test_retiring_a_leaked_question(served, rita, root):
    draft = services.create_assessment("Draft", rita).latest
    services.set_items(draft, [services.ItemSpec("question", Q1), services.ItemSpec("question", Q3)], rita)
    _, dan = services.invite(served, "Dan Invited", "dan@example.com", rita)  # invited before

    exposure.retire_question(Q1, root, "Posted on a forum")

    question = Question.objects.get(slug=Q1)
    assert question.retired and question.leaked_at and question.leaked_reason == "Posted on a forum"
    event = m.AuditEvent.objects.get(action="question.retire_leaked")
    assert event.actor == root and event.details["reason"] == "Posted on a forum"
    assert [i.slug for i in draft.items.all()] == [Q3]  # it left the draft
    assert Q1 not in [q.slug for q in bank_page().rows]
    with pytest.raises(services.AssessmentError):
        services.set_items(draft, [services.ItemSpec("question", Q1)], rita)
    # A new draft of the published screen leaves it out; the published version keeps it.
    new = services.editable_version(served.assessment, rita)
    assert [i.slug for i in new.items.all()] == [Q2, EXERCISE]
    assert [i.slug for i in served.items.all()] == [Q1, Q2, EXERCISE]
    client = Client()
    client.post(f"/take/{dan}/start/")
    assert question.title in client.get(f"/take/{dan}/item/0/").content.decode()
    # Importing the content again does not bring it back.
    import_small_bank([Q1, Q2, Q3])
    assert Question.objects.get(slug=Q1).retired


def test_a_retired_question_is_never_drawn(bank, rita, root):
    draft = services.create_assessment("Generated", rita).latest
    level = Question.objects.get(slug=Q2).level
    # A seed whose draw holds Q2 (found with the pure selection on the same bank, which is quick).
    seed = next(
        s
        for s in range(500)
        if Q2
        in [q.slug for q in select_questions(shipped_bank(), SelectionRequest(Level(level), 30, seed=s))]
    )
    drawn = services.generate_items(draft, rita, level=level, minutes=30, seed=seed).specs
    assert Q2 in [x.slug for x in drawn]
    exposure.retire_question(Q2, root, "Answers sold online")
    with pytest.raises(services.AssessmentError):  # the draw's other questions are not imported here
        services.generate_items(draft, rita, level=level, minutes=30, seed=seed)
    assert Q2 not in [i.slug for i in draft.items.all()]


def test_retiring_a_leaked_exercise(served, rita, root):
    exposure.retire_exercise(EXERCISE, root, "Solution on GitHub")
    assert EXERCISE not in [e["slug"] for e in exercise_page(kind="", skill="", page=1).rows]
    assert m.AuditEvent.objects.filter(action="exercise.retire_leaked").exists()
    draft = services.editable_version(served.assessment, rita)
    assert EXERCISE not in [i.slug for i in draft.items.all()]
    with pytest.raises(services.AssessmentError):
        services.add_item(draft, services.ItemSpec("exercise", EXERCISE), rita)
    with pytest.raises(services.AssessmentError):  # once is enough
        exposure.retire_exercise(EXERCISE, root, "Again")


def test_only_an_administrator_retires_and_says_why(served, rita, root):
    with pytest.raises(services.AssessmentError):
        exposure.retire_question(Q1, rita, "I think it leaked")
    with pytest.raises(services.AssessmentError):
        exposure.retire_question(Q1, root, "   ")
    client = Client()
    client.force_login(rita)
    form = {"kind": "question", "slug": Q1, "reason": "Leaked", "next": "/assessments/"}
    assert client.post("/assessments/bank/retire/", form).status_code == 403
    assert not Question.objects.get(slug=Q1).retired
    client.force_login(root)
    page = client.get(f"/assessments/{served.assessment_id}/").content.decode()
    assert 'data-retire="question:type-1-vs-type-2-errors"' in page
    assert client.post("/assessments/bank/retire/", form).status_code == 302
    assert Question.objects.get(slug=Q1).leaked_at is not None


def test_the_interview_kit_never_draws_a_retired_question(bank, rita, root):
    from mlinterview.kits import build_kit
    from mlinterview.web.interviews import services as interviews

    level = Question.objects.get(slug=Q2).level
    # A seed whose kit holds Q2 (found with the pure kit builder on the same bank).
    seed = next(
        s
        for s in range(200)
        if Q2 in [q.slug for q in build_kit(shipped_bank(), level=level, minutes=30, seed=s).questions]
    )
    exposure.retire_question(Q2, root, "Answers sold online")
    interview = interviews.create_interview(
        "Grace", level=level, minutes=30, seed=seed, panel=[rita], user=root
    )
    assert Q2 not in [i.question_version.question.slug for i in interview.items.all()]
    assert interview.left_out == 0  # retired questions are not counted as ones the candidate met
