from django.urls import path

from mlinterview.web.accounts import views

urlpatterns = [
    path("login/", views.sign_in, name="login"),
    path("account/two-factor/", views.two_factor_setup, name="two-factor"),
    path("account/two-factor/qr.svg", views.two_factor_qr, name="two-factor-qr"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path("reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("reset/done/", views.password_reset_complete, name="password_reset_complete"),
]
