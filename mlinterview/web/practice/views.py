"""Practice pages. Thin: each view validates the request, calls ``services`` and renders."""

from __future__ import annotations

from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from mlinterview.web.practice import services
from mlinterview.web.questions.models import Question, QuestionSet

MAX_ANSWER = 20_000  # characters


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


@login_required
def home(request: HttpRequest) -> HttpResponse:
    set_slug, level = request.GET.get("set", ""), request.GET.get("level", "")
    queue = services.queue(request.user, set_slug, level)
    return render(
        request,
        "practice/home.html",
        {
            "due": queue.due,
            "fresh": queue.fresh,
            "upcoming": queue.upcoming,
            "now": queue.now,
            "sets": QuestionSet.objects.all(),
            "levels": Question.Level.choices,
            "selected": {"set": set_slug, "level": level},
        },
    )


@login_required
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    question = services.available_questions().get(slug)
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
    feedback = services.answer(request.user, slug, question, text)
    return render(
        request,
        "practice/feedback.html",
        {"q": question, "r": feedback.result, "answer": text, "card": feedback.card},
    )


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    shown = services.progress(request.user)
    return render(
        request,
        "practice/progress.html",
        {"mastery": shown.mastery, "chart": shown.chart, "answers": shown.answers},
    )


@login_required
def export_anki(request: HttpRequest) -> HttpResponse:
    """The questions this person has practised, as an Anki deck (.apkg)."""
    response = HttpResponse(services.anki_package(request.user), content_type="application/octet-stream")
    response["Content-Disposition"] = 'attachment; filename="mlinterview-practice.apkg"'
    return response
