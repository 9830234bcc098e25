"""Messages to candidates (the invitation and the reminder), rendered from templates and sent
through Django's email framework, and a description of where the configured backend puts them.

The bodies come from ``assessments/email/<kind>.txt`` and ``.html`` and the subject from
``assessments/email/<kind>_subject.txt``; an administrator overrides any of them by putting a
file of the same name under ``$MLINTERVIEW_DATA_DIR/templates/`` (docs/deployment.md).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from mlinterview.web.assessments import links
from mlinterview.web.assessments import models as m

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
_DEVELOPMENT = {
    "mlinterview.web.mail.RedactingConsoleBackend": "printed to the server console (link masked)",
    "django.core.mail.backends.console.EmailBackend": "printed to the server console",
    "django.core.mail.backends.locmem.EmailBackend": "kept in the memory of the process that sent it",
    "django.core.mail.backends.dummy.EmailBackend": "thrown away (dummy backend)",
}


def delivers_for_real() -> bool:
    """Whether messages leave this server (an SMTP server is configured)."""
    return settings.EMAIL_BACKEND == SMTP_BACKEND


def where_mail_goes() -> str:
    backend = settings.EMAIL_BACKEND
    if backend == SMTP_BACKEND:
        return f"mail server {settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    if backend == "django.core.mail.backends.filebased.EmailBackend":
        return f"written to a file in {getattr(settings, 'EMAIL_FILE_PATH', '?')}"
    return _DEVELOPMENT.get(backend, f"handed to {backend}")


def render(mail: m.InvitationMail) -> EmailMultiAlternatives:
    invitation = mail.invitation
    version = invitation.version
    context = {
        "name": invitation.candidate.name,
        "title": version.assessment.title,
        "url": links.link_url(invitation, mail.base_url),
        "minutes": version.time_limit_minutes + invitation.extra_time_minutes,
        "expires_at": invitation.expires_at,
    }
    kind = mail.kind
    subject = " ".join(render_to_string(f"assessments/email/{kind}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"assessments/email/{kind}.txt", context),
        to=[mail.to],
    )
    message.attach_alternative(render_to_string(f"assessments/email/{kind}.html", context), "text/html")
    return message
