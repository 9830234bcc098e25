"""The candidate's pool pages (one-time-link sign-in, opt-in, own profile, edit, withdraw) and
the staff's profile page with its audited reveal. Thin: the rules are in ``services``,
``signin`` and ``jobs``."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from mlinterview.web.pool import jobs, services, signin
from mlinterview.web.pool.models import Profile

# --- the candidate's side -------------------------------------------------------------------


def candidate_required(view: Any) -> Any:
    """Pages of a candidate signed in with a one-time link; others are sent to ask for one."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        email = signin.signed_in_email(request)
        if not email:
            return redirect("pool-signin")
        return view(request, email, *args, **kwargs)

    return wrapped


def _input(post: Any) -> services.ProfileInput:
    raw_years = (post.get("years_experience") or "").strip()
    try:
        years = int(raw_years) if raw_years else None
    except ValueError:
        raise services.PoolError("Years of experience must be a whole number.") from None
    return services.ProfileInput(
        headline=post.get("headline", ""),
        years_experience=years,
        location=post.get("location", ""),
        time_zone=post.get("time_zone", ""),
        availability=post.get("availability", ""),
        links=(post.get("links") or "").splitlines(),
    )


@require_http_methods(["GET", "POST"])
def signin_request(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        jobs.request_link(request.POST.get("email", ""), request.build_absolute_uri("/"))
        return render(request, "pool/signin_sent.html", {"minutes": signin.LINK_MINUTES})
    return render(request, "pool/signin.html")


@require_http_methods(["GET", "POST"])
def use_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners that follow links do not use it up); POST signs in."""
    if request.method == "POST":
        email = signin.redeem(token)
        if email is None:
            return render(request, "pool/link_invalid.html", status=410)
        signin.sign_in(request, email)
        return redirect("pool-me")
    return render(request, "pool/link.html")


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    signin.sign_out(request)
    return redirect("pool-signin")


def _profile_context(profile: Profile) -> dict[str, Any]:
    return {
        "profile": profile,
        "levels": services.shown_levels(profile),
        "valid_days": services.valid_days(),
    }


@candidate_required
def me(request: HttpRequest, email: str) -> HttpResponse:
    profile = services.profile_of(email)
    if profile is None:
        return render(request, "pool/no_profile.html", {"eligible": services.eligible(email)})
    context = _profile_context(profile)
    context["assessments"] = services.backing_assessments(profile)
    return render(request, "pool/me.html", context)


def _form(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("availability_choices", Profile.Availability.choices)
    return render(request, template, context, status=status)


@candidate_required
@require_http_methods(["GET", "POST"])
def opt_in(request: HttpRequest, email: str) -> HttpResponse:
    if services.profile_of(email) is not None:
        return redirect("pool-me")
    context: dict[str, Any] = {"consent_text": services.consent_text(), "values": request.POST}
    if request.method == "POST":
        try:
            services.opt_in(email, request.POST.get("consent") == "yes", _input(request.POST))
        except services.PoolError as exc:
            context["error"] = str(exc)
            return _form(request, "pool/opt_in.html", context, status=400)
        messages.success(request, "Your profile is in the pool.")
        return redirect("pool-me")
    context["eligible"] = services.eligible(email)
    return _form(request, "pool/opt_in.html", context)


@candidate_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, email: str) -> HttpResponse:
    profile = services.profile_of(email)
    if profile is None:
        return redirect("pool-me")
    if request.method == "POST":
        try:
            services.update(profile, _input(request.POST))
        except services.PoolError as exc:
            return _form(request, "pool/edit.html", {"error": str(exc), "values": request.POST}, status=400)
        messages.success(request, "Your profile is saved.")
        return redirect("pool-me")
    values = {
        "headline": profile.headline,
        "years_experience": "" if profile.years_experience is None else profile.years_experience,
        "location": profile.location,
        "time_zone": profile.time_zone,
        "availability": profile.availability,
        "links": "\n".join(profile.links),
    }
    return _form(request, "pool/edit.html", {"values": values})


@candidate_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, email: str) -> HttpResponse:
    profile = services.profile_of(email)
    if profile is None:
        return redirect("pool-me")
    if request.method == "POST":
        services.withdraw(profile)
        messages.success(request, "Your profile is deleted; nobody sees it any more.")
        return redirect("pool-me")
    return render(request, "pool/withdraw.html", {"profile": profile})


# --- staff ----------------------------------------------------------------------------------


def _staff(request: HttpRequest) -> None:
    if not services.may_browse(request.user):
        raise PermissionDenied("Pool profiles are for recruiters and administrators.")


@login_required
def profile_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    profile = get_object_or_404(Profile, pk=pk)
    context = _profile_context(profile)
    context["revealed"] = services.revealed_to(profile, request.user)
    services.add_evidence(context["levels"])
    context["show_evidence"] = True
    return render(request, "pool/staff_profile.html", context)


@login_required
@require_POST
def reveal(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    profile = get_object_or_404(Profile, pk=pk)
    try:
        services.reveal(profile, request.user, request.POST.get("reason", ""))
    except services.PoolError as exc:
        messages.error(request, str(exc))
    return redirect("pool-profile", pk=profile.pk)
