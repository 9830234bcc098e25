from django.urls import path

from mlinterview.web.pool import views

urlpatterns = [
    # Candidates: signed in with a one-time link mailed to them, never with a staff account.
    path("pool/sign-in/", views.signin_request, name="pool-signin"),
    path("pool/sign-in/<str:token>/", views.use_link, name="pool-link"),
    path("pool/sign-out/", views.sign_out, name="pool-signout"),
    path("pool/me/", views.me, name="pool-me"),
    path("pool/me/join/", views.opt_in, name="pool-opt-in"),
    path("pool/me/edit/", views.edit, name="pool-edit"),
    path("pool/me/withdraw/", views.withdraw, name="pool-withdraw"),
    # Staff.
    path("pool/profiles/<int:pk>/", views.profile_detail, name="pool-profile"),
    path("pool/profiles/<int:pk>/reveal/", views.reveal, name="pool-reveal"),
]
