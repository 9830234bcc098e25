from django.urls import path

from mlinterview.web.assessments import candidate_views as c
from mlinterview.web.assessments import exposure_views
from mlinterview.web.assessments import invitation_views as inv
from mlinterview.web.assessments import staff_views as s

urlpatterns = [
    # Candidates: reached only through their personal link.
    path("take/done/", c.submitted, name="take-done"),
    path("take/<str:token>/", c.landing, name="take-landing"),
    path("take/<str:token>/start/", c.start, name="take-start"),
    path("take/<str:token>/item/<int:position>/", c.item, name="take-item"),
    path("take/<str:token>/save/", c.save, name="take-save"),
    path("take/<str:token>/activity/", c.report_activity, name="take-activity"),
    path("take/<str:token>/run/", c.run_code, name="take-run"),
    path("take/<str:token>/run/<int:run_id>/", c.run_status, name="take-run-status"),
    path("take/<str:token>/submit/", c.submit, name="take-submit"),
    # Staff.
    path("assessments/", s.assessment_list, name="assessment-list"),
    path("assessments/jobs/", s.jobs, name="jobs"),
    path("assessments/outbox/", inv.outbox, name="outbox"),
    path("assessments/add-question/", s.add_question_from_bank, name="assessment-add-question"),
    path("assessments/bank/retire/", exposure_views.retire, name="bank-retire"),
    path("assessments/<int:pk>/", s.assessment_detail, name="assessment-detail"),
    path("assessments/<int:pk>/preview/", s.preview, name="assessment-preview"),
    path("assessments/<int:pk>/items/add/", s.item_add, name="item-add"),
    path("assessments/<int:pk>/items/<int:position>/remove/", s.item_remove, name="item-remove"),
    path("assessments/<int:pk>/items/<int:position>/move/<int:offset>/", s.item_move, name="item-move"),
    path("assessments/<int:pk>/generate/", s.generate, name="assessment-generate"),
    path("assessments/<int:pk>/settings/", s.update_settings, name="assessment-settings"),
    path("assessments/<int:pk>/publish/", s.publish, name="assessment-publish"),
    path("assessments/<int:pk>/invite/", inv.invite, name="assessment-invite"),
    path("assessments/<int:pk>/invitation-settings/", inv.invitation_settings, name="invitation-settings"),
    path(
        "assessments/<int:pk>/invitations/<int:invitation_id>/resend/", inv.resend, name="invitation-resend"
    ),
    path(
        "assessments/<int:pk>/invitations/<int:invitation_id>/revoke/", inv.revoke, name="invitation-revoke"
    ),
    path("assessments/<int:pk>/shortlist/", s.shortlist, name="shortlist"),
    path("assessments/<int:pk>/compare/", s.compare, name="shortlist-compare"),
    path("assessments/<int:pk>/attempts/<int:attempt_id>/", s.attempt_review, name="attempt-review"),
    path("assessments/<int:pk>/attempts/<int:attempt_id>/commit/", s.commit, name="attempt-commit"),
    path("assessments/<int:pk>/attempts/<int:attempt_id>/report.pdf", s.report_pdf, name="attempt-report"),
    path(
        "assessments/<int:pk>/attempts/<int:attempt_id>/delete/", s.delete_candidate, name="candidate-delete"
    ),
    path(
        "assessments/<int:pk>/attempts/<int:attempt_id>/scores/<int:score_id>/override/",
        s.override,
        name="score-override",
    ),
    path(
        "assessments/<int:pk>/attempts/<int:attempt_id>/scores/<int:score_id>/retry/",
        s.retry,
        name="score-retry",
    ),
]
