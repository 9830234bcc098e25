"""Issue 15, point 4: an interview's kit is drawn with a fresh seed (kept, to draw it again); its
candidate can be the candidate record of one of the team's assessments, whose questions the kit
then leaves out (adding one by hand warns); and the interview links to the candidate's result for
those who may open it without learning what a blind review should not yet show."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from mlinterview.web.accounts.models import Membership, Team
from mlinterview.web.accounts.teams import add_member
from mlinterview.web.assessments import models as am
from mlinterview.web.assessments import services as assessments
from mlinterview.web.interviews import services
from mlinterview.web.interviews.candidates import linkable_candidates, result_links
from mlinterview.web.questions.importer import import_bank
from tests.assessments.attempts import submitted_attempt
from tests.shipped import shipped_bank

pytestmark = pytest.mark.django_db

SEED = 81723
B_SLUGS = ["support-vector-machine", "loss-function"]


def _user(django_user_model, name: str, group: str):
    user = django_user_model.objects.create_user(name, password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


class World:
    """Team A's screen (mid, 45 minutes, drawn with SEED) taken by Ada, who also took team B's
    screen; Bert took only team B's."""

    def __init__(self, django_user_model) -> None:
        import_bank(shipped_bank())
        team_a, team_b = Team.objects.create(name="Team A"), Team.objects.create(name="Team B")
        self.rita = _user(django_user_model, "rita", "recruiter")
        self.ivan = _user(django_user_model, "ivan", "interviewer")
        self.bob = _user(django_user_model, "bob", "recruiter")
        add_member(team_a, self.rita, Membership.Role.RECRUITER)
        add_member(team_a, self.ivan, Membership.Role.INTERVIEWER)
        add_member(team_b, self.bob, Membership.Role.RECRUITER)
        screen = assessments.create_assessment("Team A screen", self.rita)
        assessments.assign_reviewers(screen, [self.ivan], self.rita)
        self.version = screen.latest
        assessments.generate_items(self.version, self.rita, level="mid", minutes=45, seed=SEED)
        assessments.publish(self.version, self.rita)
        self.met = [item.slug for item in self.version.items.all()]
        self.ada_attempt = submitted_attempt(
            self.version, self.rita, "Ada", "ada@example.com", [None] * len(self.met)
        )
        self.ada = self.ada_attempt.invitation.candidate
        other = assessments.create_assessment("Team B screen", self.bob).latest
        assessments.set_items(other, [assessments.ItemSpec("question", s) for s in B_SLUGS], self.bob)
        assessments.publish(other, self.bob)
        assessments.invite(other, "Ada", "ada@example.com", self.bob)
        self.bert = assessments.invite(other, "Bert", "bert@example.com", self.bob)[0].candidate


@pytest.fixture
def w(django_user_model) -> World:
    return World(django_user_model)


def _kit(interview) -> list[str]:
    return [
        i.question_version.question.slug for i in interview.items.select_related("question_version__question")
    ]


def test_a_kit_is_drawn_with_a_fresh_seed_kept_to_draw_it_again(w):
    made = [
        services.create_interview(f"C{n}", level="mid", minutes=45, panel=[w.ivan], user=w.ivan)
        for n in range(2)
    ]
    assert len({i.seed for i in made}) > 1, "every kit was drawn with the same seed"
    assert len({tuple(_kit(i)) for i in made}) > 1, "every kit holds the same questions"
    again = services.create_interview(
        "Again", level="mid", minutes=45, seed=made[0].seed, panel=[w.ivan], user=w.ivan
    )
    assert again.seed == made[0].seed and _kit(again) == _kit(made[0])
    client = Client()
    client.force_login(w.ivan)
    page = client.get(f"/interviews/{made[0].pk}/").text
    assert f"Kit drawn with seed {made[0].seed}; enter it as the seed of a new interview" in page
    assert 'name="seed" type="number" value=' not in client.get("/interviews/").text
    huge = client.post(
        "/interviews/",
        {
            "candidate": "Huge",
            "level": "mid",
            "minutes": "30",
            "seed": "99999999999",
            "panel": [str(w.ivan.pk)],
        },
        follow=True,
    )
    assert "The seed must be a whole number from 0 to 2147483647" in huge.text


def test_a_linked_candidates_kit_leaves_out_what_they_met_and_adding_one_warns(w):
    # The same level, length and seed as the screen: unlinked, the kit is the screen again.
    unlinked = services.create_interview(
        "Ada", level="mid", minutes=45, seed=SEED, panel=[w.ivan], user=w.ivan
    )
    assert set(_kit(unlinked)) == set(w.met)
    linked = services.create_interview(
        "", candidate=w.ada, level="mid", minutes=45, seed=SEED, panel=[w.ivan], user=w.ivan
    )
    assert linked.candidate == w.ada and linked.candidate_name == "Ada"
    assert _kit(linked) and not set(_kit(linked)) & set(w.met)
    # Only team A's screen counts: team B's assessment is not this team's to know about.
    assert linked.left_out == len(w.met)
    client = Client()
    client.force_login(w.ivan)
    page = client.get(f"/interviews/{linked.pk}/").text
    assert f"Left out of the draw: {len(w.met)} questions Ada already met in an assessment." in page

    # Adding by hand one of the questions she met warns first, naming where she met it.
    count = linked.items.count()
    with pytest.raises(services.AlreadyMet, match="Ada already met .* in the assessment “Team A screen”"):
        services.add_question(linked, w.met[0], w.ivan)
    assert linked.items.count() == count
    added = services.add_question(linked, w.met[0], w.ivan, even_if_met=True)
    assert added.position == count and linked.items.count() == count + 1
    fresh = next(s for s in B_SLUGS if s not in w.met and s not in _kit(linked))
    services.add_question(linked, fresh, w.ivan)  # she met it in team B's screen, not this team's
    warned = client.post(f"/interviews/{linked.pk}/questions/add/", {"slug": w.met[1]}, follow=True)
    assert "Ada already met" in warned.text and "Add it even so" in warned.text
    assert linked.items.count() == count + 2


def test_a_team_links_only_candidates_of_its_own_assessments(w):
    assert set(linkable_candidates(w.rita)) == {w.ada}
    assert set(linkable_candidates(w.ivan)) == {w.ada}  # he reviews team A's screen
    assert set(linkable_candidates(w.bob)) == {w.ada, w.bert}
    with pytest.raises(services.InterviewError, match="not among your team's assessments"):
        services.create_interview("", candidate=w.bert, level="mid", minutes=30, panel=[w.rita], user=w.rita)
    client = Client()
    client.force_login(w.rita)
    listing = client.get("/interviews/").text
    assert re.search(rf'<option value="{w.ada.pk}">Ada \(ada@example.com\)</option>', listing)
    assert "bert@example.com" not in listing
    refused = client.post(
        "/interviews/",
        {"candidate_record": str(w.bert.pk), "level": "mid", "minutes": "30", "panel": [str(w.rita.pk)]},
    )
    assert refused.status_code == 404
    made = client.post(
        "/interviews/",
        {
            "candidate_record": str(w.ada.pk),
            "candidate": "",
            "level": "mid",
            "minutes": "30",
            "panel": [str(w.rita.pk)],
        },
    )
    assert made.status_code == 302
    assert am.Candidate.objects.get(interviews__candidate_name="Ada") == w.ada


def test_the_interview_links_the_result_only_for_those_who_may_see_whose_it_is(w):
    interview = services.create_interview(
        "", candidate=w.ada, level="mid", minutes=30, panel=[w.ivan, w.rita], user=w.rita
    )
    url = f"/assessments/{w.version.assessment_id}/attempts/{w.ada_attempt.pk}/"
    rita, ivan = Client(), Client()
    rita.force_login(w.rita)
    ivan.force_login(w.ivan)
    # The recruiter invited Ada by name: the link tells her nothing new.
    assert [r.attempt_id for r in result_links(w.ada, w.rita)] == [w.ada_attempt.pk]
    assert f'href="{url}"' in rita.get(f"/interviews/{interview.pk}/").text
    # The assigned reviewer still reviews blind: no link until he has committed his review.
    assert result_links(w.ada, w.ivan) == []
    assert f'href="{url}"' not in ivan.get(f"/interviews/{interview.pk}/").text
    assessments.commit_review(w.ada_attempt, w.ivan)
    assert f'href="{url}"' in ivan.get(f"/interviews/{interview.pk}/").text
    # Team B's recruiter sees Ada's team B invitation, never team A's result.
    assert result_links(w.ada, w.bob) == []
