"""Staff pages of the talent pool's search and shortlists, and the signed-out page of a shared
shortlist. Thin: the rules are in ``search`` and ``shortlists``; the reveal is the profile page's
own (``views.reveal``)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.pool import levels, search, services, shortlists, skills
from mlinterview.web.pool.models import Profile
from mlinterview.web.pool.shortlist_models import ShareLink, Shortlist


def _staff(request: HttpRequest) -> None:
    if not services.may_browse(request.user):
        raise PermissionDenied("The talent pool is for recruiters and administrators.")


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise search.SearchError(f"{value!r} is not a whole number.") from None


def query_from(params: Any) -> search.Query:
    """A search from the form's fields (or the API's query string): skill=<slug>&min_<slug>=<level>."""
    wanted: dict[str, int] = {}
    for slug in params.getlist("skill"):
        wanted[slug] = _int(params.get(f"min_{slug}")) or 0
    return search.Query(
        skills=wanted,
        min_years=_int(params.get("min_years")),
        max_years=_int(params.get("max_years")),
        availability=[a for a in params.getlist("availability") if a],
        text=params.get("q", "")[:200],
        offset=_int(params.get("offset")) or 0,
    )


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    _staff(request)
    context: dict[str, Any] = {
        "skills": skills.core_skills(),
        "level_choices": range(levels.TOP + 1),
        "availability_choices": Profile.Availability.choices,
        "params": request.GET,
        "chosen": request.GET.getlist("skill"),
        "chosen_availability": request.GET.getlist("availability"),
    }
    status = 200
    if request.GET:
        try:
            context["page"] = search.search(query_from(request.GET))
        except search.SearchError as exc:
            context["error"] = str(exc)
            status = 400
        context["shortlists"] = Shortlist.objects.all()
        context["assessments"] = shortlists.invitable_assessments(request.user)
        context["back"] = request.get_full_path()
    return render(request, "pool/search.html", context, status=status)


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_POST
def add_to_shortlist(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    profile = get_object_or_404(Profile, pk=pk)
    try:
        if request.POST.get("shortlist"):
            shortlist = get_object_or_404(Shortlist, pk=_int(request.POST["shortlist"]))
        else:
            shortlist = shortlists.create(request.POST.get("name", ""), request.user)
        added = shortlists.add(shortlist, profile, request.user)
    except (services.PoolError, search.SearchError) as exc:
        messages.error(request, str(exc))
    else:
        verb = "added to" if added else "already on"
        messages.success(request, f"{profile.anonymous_name} {verb} the shortlist “{shortlist.name}”.")
    return _back(request, "pool-search")


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    profile = get_object_or_404(Profile, pk=pk)
    try:
        shortlists.invite(
            profile, _int(request.POST.get("assessment")) or 0, request.user, request.build_absolute_uri("/")
        )
    except (services.PoolError, search.SearchError, AssessmentError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{profile.anonymous_name} is invited; the invitation mail is queued.")
    return _back(request, "pool-search")


@login_required
@require_http_methods(["GET", "POST"])
def shortlist_list(request: HttpRequest) -> HttpResponse:
    _staff(request)
    if request.method == "POST":
        try:
            shortlist = shortlists.create(request.POST.get("name", ""), request.user)
        except services.PoolError as exc:
            messages.error(request, str(exc))
            return redirect("pool-shortlists")
        return redirect("pool-shortlist", pk=shortlist.pk)
    return render(request, "pool/shortlists.html", {"shortlists": Shortlist.objects.all()})


def _detail(request: HttpRequest, shortlist: Shortlist, **extra: Any) -> HttpResponse:
    now = timezone.now()
    links = [(link, shortlists.link_state(link, now)) for link in shortlist.share_links.all()]
    context = {
        "shortlist": shortlist,
        "cards": shortlists.cards(shortlist),
        "links": links,
        "max_days": shortlists.MAX_SHARE_DAYS,
        "default_days": shortlists.DEFAULT_SHARE_DAYS,
        **extra,
    }
    return render(request, "pool/shortlist.html", context)


@login_required
def shortlist_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    return _detail(request, get_object_or_404(Shortlist, pk=pk))


@login_required
@require_POST
def shortlist_share(request: HttpRequest, pk: int) -> HttpResponse:
    """Makes a link and shows it on this response only (it is not stored)."""
    _staff(request)
    shortlist = get_object_or_404(Shortlist, pk=pk)
    try:
        days = _int(request.POST.get("days")) or shortlists.DEFAULT_SHARE_DAYS
        _link, token = shortlists.share(shortlist, request.user, days)
    except (services.PoolError, search.SearchError) as exc:
        messages.error(request, str(exc))
        return redirect("pool-shortlist", pk=pk)
    from django.urls import reverse

    url = request.build_absolute_uri(reverse("pool-shared", args=[token]))
    return _detail(request, shortlist, new_link=url)


@login_required
@require_POST
def shortlist_revoke(request: HttpRequest, pk: int, link: int) -> HttpResponse:
    _staff(request)
    found = get_object_or_404(ShareLink, pk=link, shortlist_id=pk)
    shortlists.revoke(found, request.user)
    messages.success(request, "The link is revoked; it opens nothing any more.")
    return redirect("pool-shortlist", pk=pk)


@login_required
@require_POST
def shortlist_remove(request: HttpRequest, pk: int, profile: int) -> HttpResponse:
    _staff(request)
    shortlist = get_object_or_404(Shortlist, pk=pk)
    shortlists.remove(shortlist, get_object_or_404(Profile, pk=profile))
    return redirect("pool-shortlist", pk=pk)


@login_required
def shortlist_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    shortlist = get_object_or_404(Shortlist, pk=pk)
    response = HttpResponse(
        shortlists.pdf(shortlist, request.build_absolute_uri("/")), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="shortlist-{shortlist.pk}.pdf"'
    return response


def shared(request: HttpRequest, token: str) -> HttpResponse:
    """The read-only shortlist a share link opens, to anyone holding the link, signed in or not."""
    shortlist = shortlists.open_shared(token)
    if shortlist is None:
        return render(request, "pool/shared_gone.html", status=410)
    context = {
        "shortlist": shortlist,
        "cards": shortlists.cards(shortlist),
        "valid_days": services.valid_days(),
    }
    response = render(request, "pool/shared.html", context)
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response
