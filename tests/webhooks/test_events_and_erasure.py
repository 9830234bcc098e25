"""Where events come from (the assessment's own steps), which targets are refused, and what a
candidate's erasure does to deliveries about them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.assessments.jobs.mail import send_candidate_mail
from mlinterview.web.assessments.jobs.tasks import answer_scored
from mlinterview.web.webhooks import models as wm
from mlinterview.web.webhooks.jobs import run_delivery
from mlinterview.web.webhooks.services import WebhookError, create_endpoint, emit
from mlinterview.web.webhooks.targets import TargetRefused, resolve
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

SLUGS = ["type-1-vs-type-2-errors", "loss-function"]


@pytest.fixture
def recruiter(django_user_model):
    user = django_user_model.objects.create_user("rita", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name="recruiter"))
    return user


@pytest.fixture
def version(recruiter):
    import_small_bank(SLUGS)
    assessment = services.create_assessment("Screen", recruiter, time_limit_minutes=30)
    services.set_items(assessment.latest, [services.ItemSpec("question", s) for s in SLUGS], recruiter)
    services.publish(assessment.latest, recruiter)
    return assessment.latest


def _submitted(version, recruiter, name: str, email: str) -> m.Attempt:
    invitation, _ = services.invite(version, name, email, recruiter)
    attempt = services.start_attempt(invitation)
    for answer in attempt.answers.all():
        services.autosave(attempt, answer.item_id, "Precision and recall trade off; the loss is minimised.")
    return services.submit(attempt)


def _finish_scoring(attempt: m.Attempt, answer: m.Answer) -> None:
    """What the worker does when an answer's primary score is done (jobs/tasks.py, run_scoring):
    the score is stored, then ``answer_scored`` is sent. The grader itself is tested elsewhere."""
    m.Score.objects.filter(answer=answer, primary=True).update(status=m.Score.Status.DONE, auto_value=0.5)
    answer_scored.send_robust(sender=m.Answer, answer_id=answer.pk)


def test_the_assessment_steps_emit_their_events_once_each(endpoint, version, recruiter, root):
    invitation, _ = services.invite(version, "Ada Lovelace", "ada@example.com", recruiter)
    mail = services.queue_mail(invitation, "https://hire.example")
    send_candidate_mail(mail.pk)
    send_candidate_mail(mail.pk)  # a job run twice sends the mail once, and the event once
    attempt = services.start_attempt(invitation)
    for answer in attempt.answers.all():
        services.autosave(attempt, answer.item_id, "Cross-entropy for classification.")
    services.submit(attempt)
    services.submit(attempt)
    first, second = attempt.answers.order_by("item__position")
    _finish_scoring(attempt, first)
    assert not wm.Event.objects.filter(name="attempt.scored").exists()  # one answer still pending
    _finish_scoring(attempt, second)
    _finish_scoring(attempt, second)  # a job run twice
    services.commit_review(attempt, root)
    services.commit_review(attempt, root)

    events = list(wm.Event.objects.order_by("pk"))
    assert [e.name for e in events] == [
        "invitation.sent",
        "attempt.submitted",
        "attempt.scored",
        "review.completed",
    ]
    assert all(e.invitation_id == invitation.pk and e.deliveries.count() == 1 for e in events)
    sent, submitted, scored, reviewed = (e.payload for e in events)
    candidate = {"id": invitation.candidate_id, "name": "Ada Lovelace", "email": "ada@example.com"}
    assert all(p["candidate"] == candidate and p["invitation_id"] == invitation.pk for p in (sent, submitted))
    assert sent["assessment"] == {"id": version.assessment_id, "title": "Screen", "version": version.pk}
    assert isinstance(sent["mail_delivered"], bool)
    assert submitted["attempt_id"] == attempt.pk and submitted["auto_submitted"] is False
    # No automatic score leaves the app: it is advisory until a reviewer confirms it.
    assert (scored["answers_scored"], scored["answers_failed"], scored["needs_review"]) == (2, 0, True)
    assert "0.5" not in str(scored)
    assert (reviewed["reviewer_id"], reviewed["reviews_committed"]) == (root.pk, 1)


def test_an_event_that_cannot_be_emitted_never_stops_a_submission(version, recruiter, root, monkeypatch):
    create_endpoint("https://8.8.8.8/hooks", ["attempt.submitted"], root)

    def broken(*args, **kwargs):
        raise RuntimeError("the webhook tables are gone")

    monkeypatch.setattr("mlinterview.web.webhooks.receivers.emit", broken)
    attempt = _submitted(version, recruiter, "Ada Lovelace", "ada@example.com")
    assert attempt.submitted_at is not None
    assert m.Score.objects.filter(answer__attempt=attempt).count() >= 2


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://172.16.5.4/hook",
        "http://169.254.169.254/latest/meta-data",  # a cloud's metadata service
        "http://[::1]/hook",
        "http://[fe80::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook",
        "http://100.64.0.1/hook",
    ],
)
def test_private_loopback_and_link_local_targets_are_refused(url, root):
    with pytest.raises(TargetRefused):
        resolve(url, allow_private=False)
    with pytest.raises(WebhookError):
        create_endpoint(url, ["attempt.scored"], root)
    assert resolve(url, allow_private=True)  # a superuser may allow it for an endpoint


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://8.8.8.8/x", "https://"),
        ("https://user:pw@8.8.8.8/x", "user name"),
        ("https:///x", "no host"),
        ("https://8.8.8.8:99999/x", "port"),
    ],
)
def test_malformed_targets_are_refused_with_a_reason(url, why, root):
    with pytest.raises(WebhookError, match=why):
        create_endpoint(url, ["attempt.scored"], root)


def test_a_target_is_checked_again_when_delivering(receiver, root, queue):
    """An endpoint whose host now resolves to a loopback address (DNS rebinding: the name was
    public when it was saved) is refused at delivery: the row is written directly, as DNS
    answers cannot be changed here, and the receiver gets nothing."""
    endpoint = wm.Endpoint.objects.create(
        url=receiver.url, secret="s", events=["attempt.scored"], timeout_seconds=2
    )
    delivery = emit("attempt.scored", {"attempt_id": 1}).deliveries.get()
    assert run_delivery(delivery.pk) == "pending"  # retried later, in case the address changes back
    delivery.refresh_from_db()
    assert delivery.last_status_code is None and delivery.last_error.startswith("Refused:")
    assert "loopback" in delivery.attempts.get().error
    assert receiver.received == []
    endpoint.allow_private = True
    endpoint.save()
    assert run_delivery(delivery.pk, now=delivery.next_attempt_at) == "delivered"
    assert len(receiver.received) == 1


def test_erasing_a_candidate_cancels_pending_deliveries_and_blanks_their_events(
    endpoint, receiver, version, recruiter, root
):
    ada = _submitted(version, recruiter, "Ada Lovelace", "ada@example.com")
    bob = _submitted(version, recruiter, "Bob Babbage", "bob@example.com")
    ada_delivery = wm.Delivery.objects.get(event__invitation_id=ada.invitation_id)
    bob_delivery = wm.Delivery.objects.get(event__invitation_id=bob.invitation_id)
    # Ada's first event was delivered already (a log row that keeps her name); a second is waiting.
    assert run_delivery(ada_delivery.pk) == "delivered"
    waiting = emit(
        "review.completed", {"candidate": {"name": "Ada Lovelace"}}, invitation_id=ada.invitation_id
    )
    waiting_delivery = waiting.deliveries.get()

    services.delete_candidate(ada.invitation.candidate, root)

    for d in (ada_delivery, waiting_delivery, bob_delivery):
        d.refresh_from_db()
    assert ada_delivery.status == "delivered" and waiting_delivery.status == "cancelled"
    assert wm.Event.objects.get(pk=waiting.pk).payload == {}
    assert wm.Event.objects.get(pk=ada_delivery.event_id).payload == {}
    assert "Ada" not in str(list(wm.Event.objects.values_list("payload", flat=True)))
    assert run_delivery(waiting_delivery.pk) == "already cancelled"
    # Nothing more is sent about her, from the app's steps or by replay.
    assert emit("attempt.scored", {"attempt_id": ada.pk}, invitation_id=ada.invitation_id) is None
    with pytest.raises(WebhookError, match="erased"):
        from mlinterview.web.webhooks.services import replay

        replay(ada_delivery, root)
    # Bob is untouched.
    assert bob_delivery.status == "pending" and "Bob Babbage" in str(bob_delivery.event.payload)
    assert run_delivery(bob_delivery.pk) == "delivered"
    assert [r.json["data"]["candidate"]["name"] for r in receiver.received] == ["Ada Lovelace", "Bob Babbage"]
    assert timezone.now() >= wm.Event.objects.get(pk=waiting.pk).erased_at
