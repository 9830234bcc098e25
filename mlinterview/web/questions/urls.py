from django.contrib.auth import views as auth_views
from django.urls import path

from mlinterview.web.questions import views

urlpatterns = [
    path("", views.home, name="home"),
    path("bank/", views.question_list, name="question-list"),
    path("bank/<slug:slug>/", views.question_detail, name="question-detail"),
    path("role/", views.role_profile, name="role-profile"),
    path("coverage/", views.coverage, name="coverage"),
    path("logout/", auth_views.LogoutView.as_view(next_page="home"), name="logout"),
]
