from django.urls import path

from mlinterview.web.pool import search_views, views

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

# Search, shortlists and shared links (search_views.py).
urlpatterns += [
    path("pool/search/", search_views.search_page, name="pool-search"),
    path("pool/profiles/<int:pk>/shortlist/", search_views.add_to_shortlist, name="pool-add-to-shortlist"),
    path("pool/profiles/<int:pk>/invite/", search_views.invite, name="pool-invite"),
    path("pool/shortlists/", search_views.shortlist_list, name="pool-shortlists"),
    path("pool/shortlists/<int:pk>/", search_views.shortlist_detail, name="pool-shortlist"),
    path("pool/shortlists/<int:pk>/share/", search_views.shortlist_share, name="pool-shortlist-share"),
    path(
        "pool/shortlists/<int:pk>/links/<int:link>/revoke/",
        search_views.shortlist_revoke,
        name="pool-share-revoke",
    ),
    path(
        "pool/shortlists/<int:pk>/remove/<int:profile>/",
        search_views.shortlist_remove,
        name="pool-shortlist-remove",
    ),
    path("pool/shortlists/<int:pk>/pdf/", search_views.shortlist_pdf, name="pool-shortlist-pdf"),
    # Read-only, for anyone holding the link (signed out too), until it expires or is revoked.
    path("pool/shared/<str:token>/", search_views.shared, name="pool-shared"),
]
