from django.urls import path

from mlinterview.web.practice import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("practice/", views.home, name="practice-home"),
    path("practice/progress/", views.progress, name="practice-progress"),
    path("practice/export.apkg", views.export_anki, name="practice-anki"),
    path("practice/q/<slug:slug>/", views.answer, name="practice-question"),
    path("practice/answers/<int:answer_id>/", views.feedback, name="practice-answer"),
    path("practice/code/", views.coding_list, name="practice-coding"),
    path("practice/code/runs/<int:run_id>/", views.coding_run_status, name="practice-code-run"),
    path("practice/code/<slug:slug>/", views.coding_exercise, name="practice-code"),
    path("practice/code/<slug:slug>/save/", views.coding_save, name="practice-code-save"),
    path("practice/code/<slug:slug>/run/", views.coding_run, name="practice-code-run-new"),
]
