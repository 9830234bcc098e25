from django.urls import path

from mlinterview.web.fairness import views

urlpatterns = [
    path("fairness/", views.home, name="fairness-home"),
    path("fairness/assessments/<int:pk>/", views.report, name="fairness-report"),
    # The candidate's voluntary form, reached with their own link.
    path("take/<str:token>/about-you/", views.self_identification, name="self-identification"),
]
