"""Exports and pages a hiring team reads after scoring (issue 15, point 5): the shortlist and its CSV
headed by set and item titles with one score per item, the candidate's id and (for the recruiter
who has committed their review) e-mail address; the PDF report with every answer and every change
of a score (value, reason, who, when); deleting personal data only after a confirmation step; and
two or three candidates side by side, with the review pages' anonymity.

Scores are written onto the Score rows as a scoring worker leaves them (the scorer is tested in
tests/scoring). Expected values are worked out by hand next to each assertion.
"""

from __future__ import annotations

import csv
import io
import subprocess

import pytest
from django.test import Client
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

# Three written questions from three sets whose titles differ from their slugs, and one exercise.
BOOT, BASE, LOSS, EXERCISE = "bootstrap", "baseline-models", "loss-function", "roc-auc"
TITLES = {
    BOOT: "The bootstrap",
    BASE: "Baselines to compare a model against",
    LOSS: "What is a loss function?",
}
SETS = {  # slug -> title, from content/sets.yaml
    "statistics-probability": "Statistics and probability",
    "modeling-evaluation": "Modeling and evaluation",
    "algorithms": "Algorithms",
}
EXERCISE_TITLE = "ROC AUC with ties"  # checked against the exercise catalogue below


@pytest.fixture
def bank(db):
    return import_small_bank([BOOT, BASE, LOSS])


@pytest.fixture
def screen(bank, recruiter, interviewer):
    """Rita's published screen of four items (weights 1, 1, 2, 1); Ivan reviews it."""
    assessment = services.create_assessment("Platform screen", recruiter, time_limit_minutes=40)
    services.assign_reviewers(assessment, [interviewer], recruiter)
    services.set_items(
        assessment.latest,
        [
            services.ItemSpec("question", BOOT, 1.0),
            services.ItemSpec("question", BASE, 1.0),
            services.ItemSpec("question", LOSS, 2.0),
            services.ItemSpec("exercise", EXERCISE, 1.0),
        ],
        recruiter,
    )
    services.publish(assessment.latest, recruiter)
    return assessment.latest


def answer_text(name: str, position: int) -> str:
    return f"{name}'s own answer to item {position}."


def take(version, recruiter, name: str, values: list[float]) -> m.Attempt:
    """Invite, answer every item with text of this candidate's own, submit, and score each item."""
    invitation, _ = services.invite(version, name, f"{name.lower()}@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    for answer in attempt.answers.select_related("item"):
        services.autosave(attempt, answer.item_id, answer_text(name, answer.item.position))
    services.submit(attempt)
    scores = m.Score.objects.filter(answer__attempt=attempt, primary=True).order_by("answer__item__position")
    for position, (score, value) in enumerate(zip(scores, values, strict=True)):
        m.Score.objects.filter(pk=score.pk).update(
            status=m.Score.Status.DONE,
            auto_value=value,
            scored_at=timezone.now(),
            evidence={
                "key_points": [
                    {"text": f"Point made by {name} on {position}.", "covered": True},
                    {"text": f"Point {name} left out on {position}.", "covered": False},
                ],
                "misconceptions": [],
            },
        )
    attempt.refresh_from_db()
    return attempt


@pytest.fixture
def three(screen, recruiter):
    return {
        # Ada: (1*0.9 + 1*0.7564 + 2*0.8 + 1*0.8) / 5 = 4.0564 / 5 = 0.81128 -> 81
        "Ada": take(screen, recruiter, "Ada", [0.9, 0.7564, 0.8, 0.8]),
        # Ben: (0.5 + 0.6 + 2*0.7 + 1.0) / 5 = 3.5 / 5 = 0.70 -> 70
        "Ben": take(screen, recruiter, "Ben", [0.5, 0.6, 0.7, 1.0]),
        # Cy: (0.2 + 0.3 + 2*0.4 + 0.0) / 5 = 1.3 / 5 = 0.26 -> 26
        "Cy": take(screen, recruiter, "Cy", [0.2, 0.3, 0.4, 0.0]),
    }


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def csv_table(client: Client, version) -> list[list[str]]:
    response = client.get(f"/assessments/{version.assessment.pk}/shortlist/?format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode(), newline="")))


def test_the_exercise_title_used_here_is_the_catalogue_s():
    from mlinterview.exercises import load_exercises

    assert next(e for e in load_exercises() if e.slug == EXERCISE).title == EXERCISE_TITLE


# --- the CSV -----------------------------------------------------------------------------------


def test_csv_is_headed_by_titles_with_a_whole_percentage_per_topic_and_per_item(screen, three, recruiter):
    rita = signed_in(recruiter)
    rita.post(f"/assessments/{screen.assessment.pk}/attempts/{three['Ada'].pk}/commit/")
    header, *rows = csv_table(rita, screen)
    assert header == [
        "rank",
        "candidate",
        "total_percent",
        "candidate_id",
        "email",
        "Topic: Algorithms (%)",
        "Topic: Coding exercises (%)",
        "Topic: Modeling and evaluation (%)",
        "Topic: Statistics and probability (%)",
        f"Item: {TITLES[BOOT]} (%)",
        f"Item: {TITLES[BASE]} (%)",
        f"Item: {TITLES[LOSS]} (%)",
        f"Item: {EXERCISE_TITLE} (%)",
        "pending",
        "overridden",
        "auto_submitted",
    ]
    for slug in (*SETS, BASE, LOSS, EXERCISE, "coding exercises"):  # "bootstrap" is in its title
        assert not any(slug in cell for cell in header), slug
    ada, ben, cy = (three[n].invitation.candidate for n in ("Ada", "Ben", "Cy"))
    # Ranked by total; the total and every score a whole percentage, never 0.81128 or 75.64.
    # Ada's topics: algorithms = loss 0.8; exercises 0.8; modeling = baseline 0.7564; statistics = 0.9.
    assert rows[0] == ["1", "Ada", "81", str(ada.pk), "ada@example.com", "80", "80", "76", "90"] + [
        "90",
        "76",
        "80",
        "80",
        "0",
        "0",
        "False",
    ]
    # Rita has not committed Ben's or Cy's review: aliases, no e-mail, the id all the same.
    assert rows[1] == [
        "2",
        ben.alias,
        "70",
        str(ben.pk),
        "",
        "70",
        "100",
        "60",
        "50",
        "50",
        "60",
        "70",
        "100",
        "0",
        "0",
        "False",
    ]
    assert rows[2][:5] == ["3", cy.alias, "26", str(cy.pk), ""]
    assert rows[2][9:13] == ["20", "30", "40", "0"]


def test_csv_per_item_score_follows_an_override_and_a_pending_item_is_empty(screen, three, recruiter):
    loss = m.Score.objects.get(answer__attempt=three["Cy"], answer__item__position=2, primary=True)
    services.override_score(loss, recruiter, 0.95, "Explained it well in the follow-up")
    m.Score.objects.filter(answer__attempt=three["Ben"], answer__item__position=0).update(
        status=m.Score.Status.PENDING, auto_value=None
    )
    header, *rows = csv_table(signed_in(recruiter), screen)
    by_id = {row[header.index("candidate_id")]: row for row in rows}
    cy = by_id[str(three["Cy"].invitation.candidate.pk)]
    ben = by_id[str(three["Ben"].invitation.candidate.pk)]
    loss_column = header.index(f"Item: {TITLES[LOSS]} (%)")
    assert cy[loss_column] == "95" and cy[header.index("overridden")] == "1"
    # Cy: (0.2 + 0.3 + 2*0.95 + 0.0) / 5 = 2.4 / 5 = 0.48
    assert cy[header.index("total_percent")] == "48"
    # Ben's first item is waiting for its score: no value there, no total, one pending.
    assert ben[header.index(f"Item: {TITLES[BOOT]} (%)")] == "" and ben[header.index("total_percent")] == ""
    assert ben[header.index("pending")] == "1"


def test_csv_gives_an_interviewer_names_they_committed_but_never_an_email(screen, three, interviewer):
    ivan = signed_in(interviewer)
    for attempt in three.values():
        ivan.post(f"/assessments/{screen.assessment.pk}/attempts/{attempt.pk}/commit/")
    header, *rows = csv_table(ivan, screen)
    assert [row[1] for row in rows] == ["Ada", "Ben", "Cy"]
    assert [row[header.index("email")] for row in rows] == ["", "", ""]
    assert "@example.com" not in str(rows)


def test_csv_gives_no_email_of_a_deleted_candidate(screen, three, recruiter):
    rita = signed_in(recruiter)
    ada = three["Ada"]
    rita.post(f"/assessments/{screen.assessment.pk}/attempts/{ada.pk}/commit/")
    services.delete_candidate(ada.invitation.candidate, recruiter)
    header, *rows = csv_table(rita, screen)
    assert rows[0][1] == f"Deleted candidate #{ada.invitation.candidate.pk}"
    assert rows[0][header.index("email")] == "" and "@" not in "".join(rows[0])


# --- the shortlist page --------------------------------------------------------------------------


def test_shortlist_page_heads_topics_by_set_title_and_lets_reviewers_tick_candidates(
    screen, three, interviewer
):
    page = signed_in(interviewer).get(f"/assessments/{screen.assessment.pk}/shortlist/").content.decode()
    thead = page.split("<thead>", 1)[1].split("</thead>", 1)[0]
    for title in (*SETS.values(), "Coding exercises"):
        assert f'<th scope="col">{title}</th>' in thead
    for slug in SETS:
        assert slug not in page
    assert f'action="/assessments/{screen.assessment.pk}/compare/"' in page
    for attempt in three.values():
        alias = attempt.invitation.candidate.alias
        assert f'name="attempt" value="{attempt.pk}"' in page and f'aria-label="Compare {alias}"' in page


# --- the PDF report ------------------------------------------------------------------------------


def pdf_text(client: Client, version, attempt: m.Attempt, tmp_path) -> str:
    response = client.get(f"/assessments/{version.assessment.pk}/attempts/{attempt.pk}/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / f"report-{attempt.pk}.pdf"
    path.write_bytes(response.content)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_pdf_report_holds_every_answer_and_each_override_with_reason_who_and_when(
    screen, three, recruiter, interviewer, tmp_path
):
    ada = three["Ada"]
    base = m.Score.objects.get(answer__attempt=ada, answer__item__position=1, primary=True)
    first = services.override_score(base, recruiter, 0.4, "Baseline chosen after the model, not before")
    second = services.override_score(base, interviewer, 0.55, "Second look: the argument holds up partly")
    text = pdf_text(signed_in(interviewer), screen, ada, tmp_path)
    for position in range(4):
        assert answer_text("Ada", position) in text
    for other in ("Ben", "Cy"):
        assert other not in text
    when = timezone.localtime(first.created_at).strftime("%-d %b %Y %H:%M")
    assert f"Score changed to 40% by rita on {when}. Reason: “{first.reason}”" in text
    when = timezone.localtime(second.created_at).strftime("%-d %b %Y %H:%M")
    assert f"Score changed to 55% by ivan on {when}. Reason: “{second.reason}”" in text
    assert "Automatic score, before any change: 76%; the latest change counts." in text
    assert "Scores are percentages, as everywhere in mlinterview" in text  # the scale, explained
    # Topics and items by title; the summary row shows the score that counts, starred.
    assert f"{TITLES[BASE]} Modeling and evaluation 55%*" in text
    assert f"{EXERCISE_TITLE} Coding exercises 80%" in text
    for slug in (*SETS, EXERCISE):
        assert slug not in text, slug
    # Evidence as before: the missed key points by name.
    assert "Missed: Point Ada left out on 1" in text


# --- deleting a candidate's personal data ----------------------------------------------------------


def _identity(candidate: m.Candidate) -> tuple[str, str, object]:
    candidate.refresh_from_db()
    return candidate.name, candidate.email, candidate.anonymised_at


def test_delete_asks_first_and_an_unconfirmed_request_deletes_nothing(screen, three, recruiter):
    ada = three["Ada"]
    candidate = ada.invitation.candidate
    url = f"/assessments/{screen.assessment.pk}/attempts/{ada.pk}/delete/"
    rita = signed_in(recruiter)
    before = _identity(candidate)
    audit_before = m.AuditEvent.objects.count()

    page = rita.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    # Named by alias (Rita has not committed this review); what goes and what stays are spelled out.
    assert f"Delete the personal data of {candidate.alias}?" in text
    assert "Ada" not in text and "ada@example.com" not in text
    assert "the candidate's name and e-mail address" in text
    assert "What stays: the answers and scores, anonymised" in text
    # Self-identification goes too, named whether or not the candidate answered (issue 16, point 4).
    assert "voluntary self-identification questions, if they gave any" in text
    assert 'name="confirm" value="delete"' in text

    refused = rita.post(url, {})
    assert refused.status_code == 302 and refused["Location"] == url
    assert rita.post(url, {"confirm": "yes"})["Location"] == url
    assert _identity(candidate) == before and m.AuditEvent.objects.count() == audit_before

    done = rita.post(url, {"confirm": "delete"}, follow=True)
    assert done.redirect_chain[-1][0] == f"/assessments/{screen.assessment.pk}/shortlist/"
    name, email, anonymised_at = _identity(candidate)
    assert (name, email) == ("", f"deleted-{candidate.pk}@invalid") and anonymised_at is not None
    assert (
        m.AuditEvent.objects.filter(
            action="candidate.delete", target=f"candidate:{candidate.pk}", actor=recruiter
        ).count()
        == 1
    )


def test_the_confirmation_names_the_candidate_once_the_recruiter_has_committed(screen, three, recruiter):
    ada = three["Ada"]
    services.queue_mail(ada.invitation, "http://testserver")
    rita = signed_in(recruiter)
    rita.post(f"/assessments/{screen.assessment.pk}/attempts/{ada.pk}/commit/")
    text = rita.get(f"/assessments/{screen.assessment.pk}/attempts/{ada.pk}/delete/").content.decode()
    assert "Delete the personal data of Ada?" in text
    assert "(Ada, ada@example.com)" in text
    assert "also from the record of the 1 e-mail sent to them" in text


def test_the_review_page_links_to_the_confirmation_instead_of_deleting(screen, three, recruiter):
    ada = three["Ada"]
    page = signed_in(recruiter).get(f"/assessments/{screen.assessment.pk}/attempts/{ada.pk}/").content
    url = f"/assessments/{screen.assessment.pk}/attempts/{ada.pk}/delete/"
    assert f'<a href="{url}" id="delete-candidate">'.encode() in page
    assert f'action="{url}"'.encode() not in page


def test_only_a_manager_of_the_candidate_sees_the_confirmation(screen, three, interviewer):
    url = f"/assessments/{screen.assessment.pk}/attempts/{three['Ada'].pk}/delete/"
    assert signed_in(interviewer).get(url).status_code == 403
    assert Client().get(url).status_code == 302  # to sign in


def test_deleting_forgets_the_address_on_the_invitation_mail_records(screen, three, recruiter):
    """Bug: the record of each invitation e-mail kept the candidate's address after deletion."""
    ada = three["Ada"]
    mail = services.queue_mail(ada.invitation, "http://testserver")
    m.InvitationMail.objects.filter(pk=mail.pk).update(error="550 ada@example.com: mailbox unavailable")
    url = f"/assessments/{screen.assessment.pk}/attempts/{ada.pk}/delete/"
    signed_in(recruiter).post(url, {"confirm": "delete"})
    candidate = ada.invitation.candidate
    mail.refresh_from_db()
    assert mail.to == f"deleted-{candidate.pk}@invalid" and mail.error == ""
    assert not m.InvitationMail.objects.filter(to="ada@example.com").exists()
    assert mail.kind == m.InvitationMail.Kind.INVITATION  # the record itself stays


# --- candidates side by side ---------------------------------------------------------------------


def compare_url(version, *attempts: m.Attempt) -> str:
    query = "&".join(f"attempt={a.pk}" for a in attempts)
    return f"/assessments/{version.assessment.pk}/compare/?{query}"


def test_compare_shows_three_candidates_item_by_item_anonymised(screen, three, interviewer, recruiter):
    ada, ben, cy = three["Ada"], three["Ben"], three["Cy"]
    loss = m.Score.objects.get(answer__attempt=cy, answer__item__position=2, primary=True)
    services.override_score(loss, recruiter, 0.95, "Explained it well in the follow-up")
    response = signed_in(interviewer).get(compare_url(screen, cy, ada, ben))
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("Ada", "Ben", "Cy"):
        assert f"{name}&#x27;s own answer" in page  # the answers themselves are shown
        assert f"<h3>{name}:" not in page and f">{name}<" not in page  # never the name
    aliases = [a.invitation.candidate.alias for a in (cy, ada, ben)]
    # In the order ticked, in every item's row of cells.
    head = page.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert [head.index(alias) for alias in aliases] == sorted(head.index(alias) for alias in aliases)
    sections = page.split('<section class="compare-item"')[1:]
    assert len(sections) == 4
    for position, (section, title) in enumerate(
        zip(sections, [TITLES[BOOT], TITLES[BASE], TITLES[LOSS], EXERCISE_TITLE], strict=True)
    ):
        assert title in section
        where = [section.index(f"{alias}:") for alias in aliases]
        assert where == sorted(where), position
        answers = [
            section.index(answer_text(n, position).replace("'", "&#x27;")) for n in ("Cy", "Ada", "Ben")
        ]
        assert answers == sorted(answers)
        assert f"✗ Point Ada left out on {position}<" in section  # the evidence
    # Scores in percentages; Cy's changed score with its reason, who and the automatic value.
    assert f'{aliases[0]}: <span class="score-value">95%</span>' in sections[2]
    assert "Explained it well in the follow-up" in sections[2] and "by rita" in sections[2]
    assert "Automatic: 40%" in sections[2]
    totals = page.split('<tr class="compare-total">', 1)[1].split("</tr>", 1)[0]
    # Cy: (0.2 + 0.3 + 2*0.95 + 0.0) / 5 = 2.4 / 5 = 0.48 with the override; Ada 81%, Ben 70%.
    assert totals.index("48%") < totals.index("81%") < totals.index("70%")
    assert "Scores are percentages, as everywhere in mlinterview" in page  # the scale, explained


def test_compare_names_only_the_candidates_whose_review_the_viewer_committed(screen, three, interviewer):
    ivan = signed_in(interviewer)
    ivan.post(f"/assessments/{screen.assessment.pk}/attempts/{three['Ben'].pk}/commit/")
    page = ivan.get(compare_url(screen, three["Ada"], three["Ben"])).content.decode()
    assert "<h3>Ben:" in page and three["Ben"].invitation.candidate.alias not in page
    assert three["Ada"].invitation.candidate.alias in page and "<h3>Ada:" not in page
    assert "@example.com" not in page


def test_compare_takes_two_or_three_candidates(screen, three, interviewer, recruiter):
    ivan = signed_in(interviewer)
    shortlist = f"/assessments/{screen.assessment.pk}/shortlist/"
    ada, ben, cy = three["Ada"], three["Ben"], three["Cy"]
    assert ivan.get(compare_url(screen, ada, ben)).status_code == 200
    fourth = take(screen, recruiter, "Dee", [0.5, 0.5, 0.5, 0.5])
    for too_few_or_many in ((ada,), (), (ada, ben, cy, fourth), (ada, ada)):
        response = ivan.get(compare_url(screen, *too_few_or_many), follow=True)
        assert response.redirect_chain == [(shortlist, 302)], too_few_or_many
        assert "Tick two or three candidates to compare" in response.content.decode()


def test_compare_shows_nothing_of_attempts_the_viewer_may_not_review(
    screen, three, interviewer, recruiter, django_user_model
):
    from django.contrib.auth.models import Group

    ada, ben = three["Ada"], three["Ben"]
    other = services.create_assessment("Other screen", recruiter, time_limit_minutes=20)
    services.set_items(other.latest, [services.ItemSpec("question", LOSS)], recruiter)
    services.publish(other.latest, recruiter)
    elsewhere = take(other.latest, recruiter, "Eli", [0.5])
    invitation, _ = services.invite(screen, "Fay", "fay@example.com", recruiter)
    working = services.start_attempt(invitation)  # not submitted yet
    ivan = signed_in(interviewer)
    assert ivan.get(compare_url(screen, ada, elsewhere)).status_code == 404
    assert ivan.get(compare_url(screen, ada, working)).status_code == 404
    assert (
        ivan.get(f"/assessments/{screen.assessment.pk}/compare/?attempt=x&attempt={ben.pk}").status_code
        == 404
    )
    nora = django_user_model.objects.create_user("nora", password="pw-for-tests-only", is_staff=True)
    nora.groups.add(Group.objects.get(name="interviewer"))  # assigned to nothing
    response = signed_in(nora).get(compare_url(screen, ada, ben))
    assert response.status_code == 404 and ada.invitation.candidate.alias not in response.content.decode()


def test_a_team_deleting_its_part_leaves_the_other_team_s_mail_records_and_counts_only_its_own(
    screen, three, recruiter
):
    """The same person invited by another team (here: to another assessment, outside ``within``):
    the plan counts the caller's invitations and mails only, and the deletion keeps the others'."""
    ada = three["Ada"]
    other = services.create_assessment("Another team's screen", recruiter, time_limit_minutes=20)
    services.set_items(other.latest, [services.ItemSpec("question", LOSS)], recruiter)
    services.publish(other.latest, recruiter)
    theirs, _ = services.invite(other.latest, "Ada", "ada@example.com", recruiter)
    assert theirs.candidate_id == ada.invitation.candidate_id  # one person
    mine_mail = services.queue_mail(ada.invitation, "http://testserver")
    their_mail = services.queue_mail(theirs, "http://testserver")
    within = m.Invitation.objects.filter(version=screen)

    plan = services.deletion_plan(ada.invitation.candidate, within)
    assert [i.pk for i in plan.invitations] == [ada.invitation.pk]
    assert (plan.mails, plan.open_links) == (1, 0)  # Ada's attempt here is submitted: no open link

    split = services.delete_candidate(ada.invitation.candidate, recruiter, within=within)
    mine_mail.refresh_from_db()
    their_mail.refresh_from_db()
    assert mine_mail.to == f"deleted-{split.pk}@invalid"
    assert their_mail.to == "ada@example.com"
