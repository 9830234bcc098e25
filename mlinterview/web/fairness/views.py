"""The fairness pages: the auditor's list of assessments and the report (HTML, CSV, PDF), and the
candidate's voluntary self-identification form. Views stay thin: the rules are in ``access``,
``services`` and ``report``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.fairness import report as r
from mlinterview.web.fairness import services
from mlinterview.web.fairness.access import may_audit


def _auditor(request: HttpRequest) -> None:
    if not may_audit(request.user):
        raise PermissionDenied(
            "The adverse-impact report and self-identification data are for the fairness auditor role only."
        )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    _auditor(request)
    assessments = (
        m.Assessment.objects.filter(versions__published_at__isnull=False).distinct().order_by("title")
    )
    return render(
        request,
        "fairness/home.html",
        {"assessments": assessments, "categories": services.categories()},
    )


def _cutoff(raw: str | None) -> tuple[float, str]:
    try:
        value = float(raw) if raw not in (None, "") else r.DEFAULT_CUTOFF
    except ValueError:
        return r.DEFAULT_CUTOFF, "The cut-off must be a number of percent; the default is used."
    if not 0 <= value <= 100:
        return r.DEFAULT_CUTOFF, "The cut-off must be between 0 and 100%; the default is used."
    return value, ""


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    _auditor(request)
    assessment = get_object_or_404(m.Assessment, pk=pk)
    cutoff, problem = _cutoff(request.GET.get("cutoff"))
    names = r.category_names()
    focus = request.GET.get("category") or None
    if focus not in names:
        focus = None
    built = r.build(r.candidates(assessment), cutoff, names, focus)
    wanted = request.GET.get("format")
    if wanted == "csv":
        audit(request.user, "fairness.csv", assessment, cutoff=cutoff, category=focus or "")
        response = HttpResponse(r.csv_text(built), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="adverse-impact-{assessment.pk}.csv"'
        return response
    if wanted == "pdf":
        audit(request.user, "fairness.pdf", assessment, cutoff=cutoff, category=focus or "")
        pdf = r.pdf_bytes(assessment, built, focus, base_url=request.build_absolute_uri("/"))
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="adverse-impact-{assessment.pk}.pdf"'
        return response
    audit(request.user, "fairness.view", assessment, cutoff=cutoff, category=focus or "")
    page = r.context(assessment, built, focus)
    page.update({"names": names, "problem": problem, "query": request.GET.urlencode()})
    return render(request, "fairness/report.html", page)


def self_identification(request: HttpRequest, token: str) -> HttpResponse:
    """The candidate's optional form: choose, change, or withdraw everything."""
    try:
        invitation = services.invitation_for_token(token)
    except services.NotAllowed as exc:
        return render(request, "assessments/take/refused.html", {"message": str(exc)}, status=403)
    categories = services.categories()
    if request.method == "POST":
        if request.POST.get("action") == "withdraw":
            services.withdraw(invitation)
            messages.success(request, "Your answers are deleted. Nothing about this is kept.")
            return redirect("self-identification", token=token)
        chosen = {c.pk: request.POST.get(f"category-{c.pk}", "") for c in categories}
        try:
            services.save_answers(invitation, chosen)
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, "Thank you, your answers are saved. You can change or withdraw them here."
            )
        return redirect("self-identification", token=token)
    answers = services.answers_of(invitation)
    questions = [(c, c.choices, answers.get(c.pk, "")) for c in categories]
    return render(
        request,
        "fairness/self_identification.html",
        {
            "token": token,
            "questions": questions,
            "answered": bool(answers),
            "submitted": invitation.submitted_at is not None,
        },
    )
