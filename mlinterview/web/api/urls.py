from django.urls import path

from mlinterview.web.api import views

urlpatterns = [
    path("", views.key_list, name="api-keys"),
    path("<int:key_id>/revoke/", views.key_revoke, name="api-key-revoke"),
]
