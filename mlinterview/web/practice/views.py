"""Practice pages. Scoring runs in the request (a warm scorer answers in milliseconds)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from mlinterview import charts
from mlinterview.bank.schema import Question as QuestionContent
from mlinterview.web.assessments import models as assessment_models
from mlinterview.web.practice import clock
from mlinterview.web.practice.models import PracticeAnswer, PracticeDeck
from mlinterview.web.questions.models import Question, QuestionSet

MAX_ANSWER = 20_000


class SignupForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username",)


def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)
        return redirect("practice-home")
    return render(request, "practice/signup.html", {"form": form})


def held_back_slugs() -> set[str]:
    """Questions in an assessment that candidates can still take are not offered for practice."""
    open_versions = assessment_models.Invitation.objects.filter(
        submitted_at__isnull=True, expires_at__gt=timezone.now()
    ).values("version")
    items = assessment_models.AssessmentItem.objects.filter(
        version__in=open_versions, question_version__isnull=False
    )
    return set(items.values_list("question_version__question__slug", flat=True))


def _questions(set_slug: str = "", level: str = "") -> dict[str, QuestionContent]:
    rows = Question.objects.filter(retired=False).select_related("current_version")
    if set_slug:
        rows = rows.filter(question_set__slug=set_slug)
    if level:
        rows = rows.filter(level=level)
    hidden = held_back_slugs()
    return {row.slug: row.content for row in rows if row.slug not in hidden}


def _deck(user: Any) -> PracticeDeck:
    return PracticeDeck.objects.get_or_create(user=user)[0]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    from mlinterview.practice import next_questions

    now = clock.now()
    deck = _deck(request.user).deck
    set_slug, level = request.GET.get("set", ""), request.GET.get("level", "")
    pool = _questions(set_slug, level)
    due = [(pool[c.slug], c) for c in deck.due(now) if c.slug in pool]
    fresh = [q for q in next_questions(deck, pool.values(), limit=50, now=now) if q.slug not in deck.cards][
        :8
    ]
    upcoming = [(c, pool.get(c.slug)) for c in deck.upcoming() if c.due > now][:20]
    return render(
        request,
        "practice/home.html",
        {
            "due": due,
            "fresh": fresh,
            "upcoming": upcoming,
            "now": now,
            "sets": QuestionSet.objects.all(),
            "levels": Question.Level.choices,
            "selected": {"set": set_slug, "level": level},
        },
    )


@login_required
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    pool = _questions()
    question = pool.get(slug)
    if question is None:
        raise Http404("This question is not available for practice.")
    if request.method != "POST":
        return render(request, "practice/question.html", {"q": question, "max": MAX_ANSWER})
    text = request.POST.get("answer", "")
    if len(text) > MAX_ANSWER:
        return render(
            request,
            "practice/question.html",
            {
                "q": question,
                "max": MAX_ANSWER,
                "answer": text,
                "error": f"Your answer is {len(text):,} characters; the limit is {MAX_ANSWER:,}.",
            },
            status=413,
        )
    from mlinterview.scoring import get_scorer

    result = get_scorer().score(question, text).to_dict()
    now = clock.now()
    PracticeAnswer.objects.create(
        user=request.user,
        slug=slug,
        content=text,
        score=float(result["score"]),
        feedback=result,
        answered_at=now,
    )
    record = _deck(request.user)
    deck = record.deck
    card = deck.record(question, float(result["score"]), now=now)
    record.store(deck)
    return render(
        request, "practice/feedback.html", {"q": question, "r": result, "answer": text, "card": card}
    )


def progress_chart(points: list[tuple[Any, str, float]], titles: dict[str, str]) -> str:
    series: dict[str, tuple[list[Any], list[float]]] = {}
    for at, set_slug, value in points:
        xs, ys = series.setdefault(set_slug, ([], []))
        xs.append(at)
        ys.append(100 * value)

    def draw(axis: Any) -> None:
        for set_slug, (xs, ys) in series.items():
            axis.plot(xs, ys, marker="o", label=titles.get(set_slug, set_slug))
        axis.set_ylim(0, 100)
        axis.set_ylabel("mastery (%)")
        if series:
            axis.legend(fontsize=8, loc="lower right")
        axis.figure.autofmt_xdate()

    return charts.png_base64(draw, size=(7, 3.4))


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    deck = _deck(request.user).deck
    titles = dict(QuestionSet.objects.values_list("slug", "title"))
    mastery = [(titles.get(s, s), v) for s, v in deck.mastery_by_set().items()]
    return render(
        request,
        "practice/progress.html",
        {
            "mastery": mastery,
            "chart": progress_chart(deck.mastery_history(), titles),
            "answers": PracticeAnswer.objects.filter(user=request.user)[:30],
        },
    )


@login_required
def export_anki(request: HttpRequest) -> HttpResponse:
    """The questions this person has practised, as an Anki deck (.apkg)."""
    import genanki

    from mlinterview.bank.markdown import to_html

    deck_record = _deck(request.user).deck
    pool = {row.slug: row.content for row in Question.objects.filter(slug__in=list(deck_record.cards))}
    model = genanki.Model(
        1607392319,
        "mlinterview question",
        fields=[{"name": "Question"}, {"name": "Answer"}],
        templates=[{"name": "Card", "qfmt": "{{Question}}", "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"}],
    )
    deck = genanki.Deck(2059400110 + request.user.pk, f"mlinterview practice ({request.user.get_username()})")
    for slug, question in sorted(pool.items()):
        points = "".join(
            f"<li>{p}</li>"
            for p in (question.key_points or (question.signals.strong if question.signals else []))
        )
        back = to_html(question.reference_answer or "") + (f"<ul>{points}</ul>" if points else "")
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[f"<b>{question.title}</b><br>{question.prompt}", back],
                guid=genanki.guid_for(slug),
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        data = path.read_bytes()
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Content-Disposition"] = 'attachment; filename="mlinterview-practice.apkg"'
    return response
