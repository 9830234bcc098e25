from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from mlinterview.web.questions.access import bank_reader_required, can_read_bank
from mlinterview.web.questions.models import Question, QuestionSet, RoleProfile
from mlinterview.web.questions.search import search_index


def home(request: HttpRequest) -> HttpResponse:
    sets = QuestionSet.objects.annotate(count=Count("questions", filter=Q(questions__retired=False)))
    return render(
        request,
        "questions/home.html",
        {"sets": sets, "can_read_bank": can_read_bank(request), "profile": RoleProfile.current()},
    )


@bank_reader_required
def question_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    set_slug = request.GET.get("set", "")
    level = request.GET.get("level", "")
    tag = request.GET.get("tag", "")
    questions = Question.objects.filter(retired=False).select_related("question_set")
    if set_slug:
        questions = questions.filter(question_set__slug=set_slug)
    if level:
        questions = questions.filter(level=level)
    rows = list(questions)
    if tag:
        rows = [q for q in rows if tag in q.tags]
    if query:
        rank = {hit.slug: n for n, hit in enumerate(search_index().search(query, limit=50))}
        rows = sorted((q for q in rows if q.slug in rank), key=lambda q: rank[q.slug])
    all_tags = sorted({t for q in Question.objects.filter(retired=False) for t in q.tags})
    return render(
        request,
        "questions/list.html",
        {
            "questions": rows,
            "sets": QuestionSet.objects.all(),
            "levels": Question.Level.choices,
            "tags": all_tags,
            "query": query,
            "selected": {"set": set_slug, "level": level, "tag": tag},
            "filtered": bool(query or set_slug or level or tag),
        },
    )


@bank_reader_required
def question_detail(request: HttpRequest, slug: str) -> HttpResponse:
    row = get_object_or_404(Question.objects.select_related("question_set", "current_version"), slug=slug)
    if row.retired:
        raise Http404("This question was retired from the bank.")
    return render(
        request,
        "questions/detail.html",
        {"row": row, "q": row.content, "anchors": row.content.rating_anchors.as_dict().items()},
    )


def role_profile(request: HttpRequest) -> HttpResponse:
    profile = RoleProfile.current()
    if profile is None:
        raise Http404("The role profile has not been imported yet: run 'mlinterview bank import'.")
    return render(request, "questions/role_profile.html", {"profile": profile.content})


@bank_reader_required
def coverage(request: HttpRequest) -> HttpResponse:
    """Which of the role's core skills the bank assesses, and with which questions."""
    profile = RoleProfile.current()
    if profile is None:
        raise Http404("The role profile has not been imported yet: run 'mlinterview bank import'.")
    rows = list(Question.objects.filter(retired=False).select_related("current_version", "question_set"))
    skills = []
    for skill in profile.content.core_skills:
        matching = [row for row in rows if skill.slug in row.content.skills]
        levels = {level: sum(row.level == level for row in matching) for level, _ in Question.Level.choices}
        skills.append({"skill": skill, "questions": matching, "levels": levels})
    unmapped = [row for row in rows if not row.content.skills]
    return render(
        request,
        "questions/coverage.html",
        {"skills": skills, "unmapped": unmapped, "total": len(rows), "levels": Question.Level.choices},
    )
