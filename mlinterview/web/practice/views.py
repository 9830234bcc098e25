"""Practice pages. Thin: each view validates the request, calls ``services`` and renders."""

from __future__ import annotations

from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from mlinterview.web.accounts.registration import signup_open
from mlinterview.web.practice import services
from mlinterview.web.questions.models import Question, QuestionSet

MAX_ANSWER = 20_000  # characters


# Names an administrator or the site itself would use: refused to everyone, whether or not an
# account holds them, so that refusing one tells nothing about the staff.
RESERVED_USERNAMES = frozenset(
    {"admin", "administrator", "root", "staff", "superuser", "system", "support", "mlinterview"}
)
UNAVAILABLE = "That username cannot be used; choose another."


class SignupForm(UserCreationForm):
    """A practice account. A name that cannot be had gets one message whatever the reason (held by
    staff, by a candidate, or reserved), so the page does not confirm which accounts exist."""

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username",)

    def clean_username(self) -> str:
        username = self.cleaned_data.get("username", "")
        taken = self._meta.model.objects.filter(username__iexact=username).exists()
        if username.casefold() in RESERVED_USERNAMES or taken:
            raise ValidationError(UNAVAILABLE, code="unavailable")
        return username


def signup(request: HttpRequest) -> HttpResponse:
    if not signup_open():
        # The administrator closed self-registration (MLINTERVIEW_SIGNUP=off).
        return render(request, "practice/signup_closed.html", status=404)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        # Several authentication backends are configured (the login throttle's first), so name
        # the one that holds passwords.
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
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
