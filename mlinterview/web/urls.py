from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "mlinterview administration"
admin.site.site_title = "mlinterview"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("mlinterview.questions.urls")),
]
