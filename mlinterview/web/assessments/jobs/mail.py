"""Sending candidates' mail in the background, and recording honestly what happened.

The job carries only the ``InvitationMail`` id; the link is rebuilt from the invitation when the
message is rendered (``links``), so no token is queued or logged. A message is sent at most once:
the job takes only a queued row. A failure is kept with its error for the recruiter to see (and
to resend); it is not retried on its own, since a retry could mail the candidate twice.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from mlinterview.web.assessments import emails
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.jobs.queues import enqueue
from mlinterview.web.assessments.signals import invitation_sent

log = logging.getLogger("mlinterview.mail")


@task(queue_name="mail")
def send_mail_task(mail_id: int) -> str:
    return send_candidate_mail(mail_id)


def enqueue_mail(mail_id: int) -> None:
    enqueue(send_mail_task, mail_id)


def send_candidate_mail(mail_id: int) -> str:
    with transaction.atomic():
        mail = (
            m.InvitationMail.objects.select_for_update()
            .select_related("invitation__candidate", "invitation__version__assessment")
            .get(pk=mail_id)
        )
        if mail.status != m.InvitationMail.Status.QUEUED:
            return f"already {mail.status}"
        where = emails.where_mail_goes()
        try:
            message = emails.render(mail)
            message.send()
        except Exception as exc:  # the row says what went wrong; the recruiter may resend
            mail.status, mail.error = m.InvitationMail.Status.FAILED, f"{type(exc).__name__}: {exc}"[:2000]
            log.warning("mail %s to invitation %s failed: %s", mail.pk, mail.invitation_id, mail.error)
        else:
            real = emails.delivers_for_real()
            mail.status = m.InvitationMail.Status.SENT if real else m.InvitationMail.Status.HELD
            mail.subject = message.subject[:300]
            if real:
                invitation = mail.invitation
                invitation.sent_at = invitation.sent_at or timezone.now()
                invitation.save(update_fields=["sent_at"])
            if mail.kind == m.InvitationMail.Kind.INVITATION:
                invitation_sent.send(sender=m.Invitation, invitation_id=mail.invitation_id, delivered=real)
        mail.delivered_to = where[:300]
        mail.finished_at = timezone.now()
        mail.save(update_fields=["status", "error", "subject", "delivered_to", "finished_at"])
    return mail.status
