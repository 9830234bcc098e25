from django.contrib import admin
from django.urls import include, path

from mlinterview.web.api.api import api

admin.site.site_header = "mlinterview administration"
admin.site.site_title = "mlinterview"

# A refusal says what the page is for and whom to ask (404.html and 500.html are plain templates).
handler403 = "mlinterview.web.errors.forbidden"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("api-keys/", include("mlinterview.web.api.urls")),
    path("", include("mlinterview.web.accounts.urls")),
    path("", include("mlinterview.web.assessments.urls")),
    path("", include("mlinterview.web.interviews.urls")),
    path("", include("mlinterview.web.practice.urls")),
    path("", include("mlinterview.web.fairness.urls")),
    path("", include("mlinterview.web.webhooks.urls")),
    path("", include("mlinterview.web.greenhouse.urls")),
    path("", include("mlinterview.web.pool.urls")),
    path("", include("mlinterview.web.questions.urls")),
]
