"""The talent pool's API operations (issue 17): search, one profile, one shortlist. The same rules
as the pages (``mlinterview.web.pool``): the caller's account needs the manage permission, and
profiles come anonymous (first name and initial, no e-mail) unless the caller revealed the profile
on its page, where the reason is audited. Registered on ``api.api`` by that module."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Schema
from ninja.errors import HttpError

from mlinterview.web.pool import search, services, shortlists
from mlinterview.web.pool.models import Profile
from mlinterview.web.pool.shortlist_models import Shortlist

SCOPE = "pool:read"


def _require_browser(request: HttpRequest) -> None:
    if not services.may_browse(request.user):
        raise HttpError(403, "Your account may not browse the talent pool (it needs the manage permission).")


class LevelOut(Schema):
    skill: str
    name: str
    level: int
    questions: int
    exercises: int
    verified_at: datetime
    stale: bool
    explained: str = ""


class ProfileOut(Schema):
    id: int
    name: str
    revealed: bool
    email: str | None
    headline: str
    years_experience: int | None
    location: str
    time_zone: str
    availability: str
    levels: list[LevelOut]


class ResultOut(Schema):
    profile_id: int
    name: str
    headline: str
    years_experience: int | None
    availability: str
    matches: list[LevelOut]


class SearchOut(Schema):
    total: int
    ranked_by: str
    results: list[ResultOut]


class SearchIn(Schema):
    skill: list[str] = []
    min_level: list[int] = []
    min_years: int | None = None
    max_years: int | None = None
    availability: list[str] = []
    q: str = ""
    limit: int = search.PAGE
    offset: int = 0


class CardOut(Schema):
    profile_id: int
    name: str
    headline: str
    years_experience: int | None
    availability: str
    levels: list[LevelOut]


class ShortlistOut(Schema):
    id: int
    name: str
    profiles: list[CardOut]


def _level(shown: services.ShownLevel) -> LevelOut:
    return LevelOut(
        skill=shown.skill,
        name=shown.name,
        level=shown.level,
        questions=shown.questions,
        exercises=shown.exercises,
        verified_at=shown.verified_at,
        stale=shown.stale,
    )


def register(api, scoped_key) -> None:  # noqa: ANN001 (the NinjaAPI and api.ScopedKey)
    @api.get("/pool/search", response=SearchOut, tags=["pool"], auth=scoped_key(SCOPE))
    def pool_search(request: HttpRequest, params: Query[SearchIn]) -> SearchOut:
        """Search the pool: ``skill`` and ``min_level`` repeated in pairs (the n-th level is the
        n-th skill's minimum; missing ones are 0), years, ``availability`` (repeatable), words of
        the headline. Ranked and explained as on the search page; names anonymous."""
        _require_browser(request)
        wanted = {
            slug: (params.min_level[n] if n < len(params.min_level) else 0)
            for n, slug in enumerate(params.skill)
        }
        try:
            page = search.search(
                search.Query(
                    skills=wanted,
                    min_years=params.min_years,
                    max_years=params.max_years,
                    availability=params.availability,
                    text=params.q[:200],
                    limit=params.limit,
                    offset=params.offset,
                )
            )
        except search.SearchError as exc:
            raise HttpError(400, str(exc)) from None
        return SearchOut(
            total=page.total,
            ranked_by=page.ranked_by,
            results=[
                ResultOut(
                    profile_id=r.profile.pk,
                    name=r.profile.anonymous_name,
                    headline=r.profile.headline,
                    years_experience=r.profile.years_experience,
                    availability=r.profile.availability,
                    matches=[
                        LevelOut(
                            skill=mt.skill,
                            name=mt.name,
                            level=mt.level,
                            questions=mt.questions,
                            exercises=mt.exercises,
                            verified_at=mt.verified_at,
                            stale=mt.stale,
                            explained=mt.explained,
                        )
                        for mt in r.matches
                    ],
                )
                for r in page.results
            ],
        )

    @api.get("/pool/profiles/{profile_id}", response=ProfileOut, tags=["pool"], auth=scoped_key(SCOPE))
    def pool_profile(request: HttpRequest, profile_id: int) -> ProfileOut:
        """One profile with its verified levels; the name and e-mail only if the caller revealed
        the profile on its page (with a reason, audited)."""
        _require_browser(request)
        profile = get_object_or_404(Profile, pk=profile_id)
        revealed = services.revealed_to(profile, request.user)
        return ProfileOut(
            id=profile.pk,
            name=profile.full_name if revealed else profile.anonymous_name,
            revealed=revealed,
            email=profile.email if revealed else None,
            headline=profile.headline,
            years_experience=profile.years_experience,
            location=profile.location,
            time_zone=profile.time_zone,
            availability=profile.availability,
            levels=[_level(s) for s in services.shown_levels(profile)],
        )

    @api.get("/pool/shortlists/{shortlist_id}", response=ShortlistOut, tags=["pool"], auth=scoped_key(SCOPE))
    def pool_shortlist(request: HttpRequest, shortlist_id: int) -> ShortlistOut:
        """A shortlist's profiles as anonymous cards, as its shared link shows them."""
        _require_browser(request)
        shortlist = get_object_or_404(Shortlist, pk=shortlist_id)
        return ShortlistOut(
            id=shortlist.pk,
            name=shortlist.name,
            profiles=[
                CardOut(
                    profile_id=c.profile.pk,
                    name=c.name,
                    headline=c.profile.headline,
                    years_experience=c.profile.years_experience,
                    availability=c.profile.availability,
                    levels=[_level(s) for s in c.levels],
                )
                for c in shortlists.cards(shortlist)
            ],
        )
