"""The recruiter's invitation pages: invite (one or a CSV), resend, revoke, the link and reminder
settings of an assessment, and the development outbox. Thin: every change goes through
``services``; only people who manage an assessment act on its invitations (``access``)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mlinterview.web.accounts.roles import MANAGE
from mlinterview.web.assessments import access, emails, links, services
from mlinterview.web.assessments import models as m


def manager(view: Any) -> Any:
    return login_required(permission_required(MANAGE, raise_exception=True)(view))


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _back(pk: int) -> HttpResponse:
    return redirect(reverse("assessment-detail", args=[pk]) + "#invitations")


def _queued_message(count: int) -> str:
    where = emails.where_mail_goes()
    if emails.delivers_for_real():
        return f"Invited {count} candidate(s); their mail is queued for the {where}. Status below."
    return (
        f"Invited {count} candidate(s). No mail server is configured: the messages are {where}, "
        "not sent to anyone (see the outbox)."
    )


@require_POST
@manager
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=pk)
    version = assessment.published
    if version is None:
        messages.error(request, "Publish the assessment before inviting candidates.")
        return redirect("assessment-detail", pk=pk)
    options: dict[str, Any] = {"extra_time_minutes": _int(request.POST.get("extra_time"), 0)}
    invited: list[tuple[m.Invitation, str]] = []
    upload = request.FILES.get("csv")
    try:
        if upload is not None:
            if upload.size > 1_000_000:
                raise services.AssessmentError("The CSV file is too large (1 MB at most).")
            result = services.invite_csv(
                version, upload.read().decode("utf-8", "replace"), request.user, **options
            )
            invited = result.invited
            for error in result.errors:
                messages.error(request, error)
        else:
            invited = [
                services.invite(
                    version,
                    request.POST.get("name", ""),
                    request.POST.get("email", ""),
                    request.user,
                    name_choice=request.POST.get("name_choice") or None,
                    within=access.invitations_managed_by(request.user),
                    **options,
                )
            ]
    except services.NameConflict as conflict:
        # Nothing was changed: the recruiter chooses which name to keep, then the form goes again.
        request.session["name_conflict"] = {
            "email": conflict.email,
            "existing": conflict.existing,
            "typed": conflict.typed,
            "may_rename": conflict.may_rename,
            "extra_time": options["extra_time_minutes"],
        }
        return _back(pk)
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    if invited:
        for invitation, _token in invited:
            services.queue_mail(invitation, _base_url(request))
        request.session["new_links"] = [
            {
                "name": invitation.candidate.name,
                "email": invitation.candidate.email,
                "url": request.build_absolute_uri(reverse("take-landing", args=[token])),
            }
            for invitation, token in invited
        ]
        messages.success(request, _queued_message(len(invited)))
    return _back(pk)


def _invitation(request: HttpRequest, pk: int, invitation_id: int) -> m.Invitation:
    return get_object_or_404(
        access.invitations_managed_by(request.user).select_related("candidate", "version__assessment"),
        pk=invitation_id,
        version__assessment_id=pk,
    )


@require_POST
@manager
def resend(request: HttpRequest, pk: int, invitation_id: int) -> HttpResponse:
    invitation = _invitation(request, pk, invitation_id)
    try:
        services.resend_invitation(invitation, request.user, _base_url(request))
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"A new link for {invitation.candidate.email} is queued; the previous link no longer works.",
        )
    return _back(pk)


@require_POST
@manager
def revoke(request: HttpRequest, pk: int, invitation_id: int) -> HttpResponse:
    invitation = _invitation(request, pk, invitation_id)
    try:
        services.revoke_invitation(invitation, request.user)
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"{invitation.candidate.email}'s link is withdrawn; Resend gives a new one."
        )
    return _back(pk)


@require_POST
@manager
def invitation_settings(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(access.managed_assessments(request.user), pk=pk)
    try:
        services.update_invitation_settings(
            assessment,
            request.user,
            link_valid_days=_int(request.POST.get("link_valid_days"), -1),
            reminder_hours=_int(request.POST.get("reminder_hours"), -1),
        )
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"New links work for {assessment.link_valid_days} day(s); reminders go "
            + (
                f"{assessment.reminder_hours} hour(s) before expiry."
                if assessment.reminder_hours
                else "never."
            ),
        )
    return _back(pk)


@manager
def outbox(request: HttpRequest) -> HttpResponse:
    """Development only: the messages a console, memory, file or dummy backend kept instead of
    sending, each with where it went and the candidate's working link (this page is no log)."""
    if emails.delivers_for_real():
        raise Http404("Mail goes to a real mail server here; there is no development outbox.")
    mails = (
        m.InvitationMail.objects.filter(invitation__in=access.invitations_managed_by(request.user))
        .select_related("invitation__candidate", "invitation__version__assessment")
        .order_by("-created_at", "-pk")[:200]
    )
    rows = []
    for mail in mails:
        invitation = mail.invitation
        current = invitation.revoked_at is None and invitation.link_nonce and invitation.submitted_at is None
        rows.append({"mail": mail, "link": links.link_url(invitation, mail.base_url) if current else ""})
    return render(request, "assessments/staff/outbox.html", {"rows": rows, "where": emails.where_mail_goes()})
