from django.contrib import admin
from django.urls import include, path

from mlinterview.api.api import api

admin.site.site_header = "mlinterview administration"
admin.site.site_title = "mlinterview"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("mlinterview.assessments.urls")),
    path("", include("mlinterview.interviews.urls")),
    path("", include("mlinterview.practiceweb.urls")),
    path("", include("mlinterview.questions.urls")),
]
