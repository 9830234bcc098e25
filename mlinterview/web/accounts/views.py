"""Account pages: sign-in, two-factor set-up, password reset. Thin: the rules are in ``two_factor``."""

from __future__ import annotations

from io import BytesIO

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from mlinterview.web.accounts import two_factor
from mlinterview.web.accounts.forms import SignInForm

QR_SCALE = 5  # pixels per module of the setup QR code

sign_in = auth_views.LoginView.as_view(authentication_form=SignInForm)

# Django's own password-reset views; the mail goes through Django's email framework.
password_reset = auth_views.PasswordResetView.as_view(
    email_template_name="registration/password_reset_email.txt",
    subject_template_name="registration/password_reset_subject.txt",
    success_url=reverse_lazy("password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view()
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    success_url=reverse_lazy("password_reset_complete")
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view()


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return str(reverse_lazy("two-factor"))


@login_required
@never_cache
def two_factor_qr(request: HttpRequest) -> HttpResponse:
    """The setup link of the device being set up, as a QR code for a phone's camera (SVG). Never
    once the device is on: the key is shown only while setting up."""
    if not two_factor.held_to_staff_rules(request.user) or two_factor.confirmed_device(request.user):
        raise Http404("Nothing to set up.")
    image = BytesIO()
    # Drawn large enough to scan off a screen (an SVG without a viewBox would not scale up).
    segno.make(two_factor.pending_device(request.user).config_url).save(image, kind="svg", scale=QR_SCALE)
    return HttpResponse(image.getvalue(), content_type="image/svg+xml")


@sensitive_post_parameters("otp_token")
@never_cache
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app (staff and fairness auditors only): the key is shown as an
    otpauth:// link and as text; a correct code from the app turns it on. With one on, the current
    code turns it off."""
    if not two_factor.held_to_staff_rules(request.user):
        raise PermissionDenied("Two-factor sign-in is for staff accounts.")
    device = two_factor.confirmed_device(request.user)
    code = request.POST.get("otp_token", "")
    if device is not None:
        if request.method == "POST" and request.POST.get("action") == "turn-off":
            if two_factor.turn_off(request, code):
                messages.success(request, "Two-factor sign-in is off for your account.")
                return redirect("two-factor")
            messages.error(request, "That code did not match. Two-factor sign-in is still on.")
        return render(
            request,
            "accounts/two_factor.html",
            {"device": device, "required": two_factor.required_for_staff()},
        )
    pending = two_factor.pending_device(request.user)
    if request.method == "POST":
        if two_factor.confirm_device(request, pending, code):
            messages.success(
                request, "Two-factor sign-in is on: you will be asked for a code at every sign-in."
            )
            return redirect(_next(request))
        messages.error(
            request, "That code did not match. Check the clock of your device and try the newest code."
        )
    return render(
        request,
        "accounts/two_factor.html",
        {
            "pending": pending,
            "secret": two_factor.secret_text(pending),
            "required": two_factor.required_for_staff(),
            "next": request.GET.get("next", ""),
        },
    )
