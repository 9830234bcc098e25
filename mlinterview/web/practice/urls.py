from django.urls import path

from mlinterview.web.practice import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("practice/", views.home, name="practice-home"),
    path("practice/progress/", views.progress, name="practice-progress"),
    path("practice/export.apkg", views.export_anki, name="practice-anki"),
    path("practice/q/<slug:slug>/", views.answer, name="practice-question"),
]
