"""Mailing sign-in links in the background, on the task queue's "mail" queue (as invitations
are, ``assessments/jobs/mail.py``): the job carries the link's id only and rebuilds the address
from it, so no token is queued. A link's mail is sent at most once."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from mlinterview.web.assessments import emails
from mlinterview.web.assessments.jobs.queues import enqueue
from mlinterview.web.pool import services, signin
from mlinterview.web.pool.models import SignInLink

log = logging.getLogger("mlinterview.mail")


@task(queue_name="mail")
def send_signin_mail_task(link_id: int) -> str:
    return send_signin_mail(link_id)


def enqueue_signin_mail(link_id: int) -> None:
    enqueue(send_signin_mail_task, link_id)


def send_signin_mail(link_id: int) -> str:
    with transaction.atomic():
        link = SignInLink.objects.select_for_update().get(pk=link_id)
        if link.mail_status != SignInLink.MailStatus.QUEUED:
            return f"already {link.mail_status}"
        context = {"url": signin.link_url(link), "minutes": signin.LINK_MINUTES}
        try:
            message = EmailMultiAlternatives(
                subject=" ".join(render_to_string("pool/email/signin_subject.txt", context).split()),
                body=render_to_string("pool/email/signin.txt", context),
                to=[link.email],
            )
            message.send()
        except Exception as exc:  # kept on the row; the candidate can ask for another link
            link.mail_status = SignInLink.MailStatus.FAILED
            link.mail_error = f"{type(exc).__name__}: {exc}"[:2000]
            log.warning("pool sign-in mail %s failed: %s", link.pk, link.mail_error)
        else:
            real = emails.delivers_for_real()
            link.mail_status = SignInLink.MailStatus.SENT if real else SignInLink.MailStatus.HELD
        link.save(update_fields=["mail_status", "mail_error"])
    return link.mail_status


def request_link(email: str, base_url: str) -> SignInLink | None:
    """Make and queue a link if the address may have a profile; None otherwise. The page says
    the same either way, so it tells nobody whether an address is known."""
    email = services.normalise_email(email)
    if not email or not (services.profile_of(email) or services.eligible(email)):
        return None
    now = timezone.now()
    if (
        SignInLink.objects.filter(email=email, used_at__isnull=True, expires_at__gt=now).count()
        >= signin.MAX_OPEN_LINKS
    ):
        return None
    nonce = secrets.token_hex(16)
    link = SignInLink(
        email=email, nonce=nonce, base_url=base_url, expires_at=now + timedelta(minutes=signin.LINK_MINUTES)
    )
    link.token_hash = signin.hash_token(signin.link_token(link))
    link.save()
    transaction.on_commit(lambda: enqueue_signin_mail(link.pk))
    return link
