from django.urls import path

from mlinterview.web.webhooks import views

urlpatterns = [
    path("webhooks/", views.endpoints, name="webhooks"),
    path("webhooks/<int:pk>/", views.endpoint, name="webhook-detail"),
    path("webhooks/<int:pk>/active/", views.toggle, name="webhook-toggle"),
    path("webhooks/deliveries/<int:pk>/", views.delivery, name="webhook-delivery"),
    path("webhooks/deliveries/<int:pk>/replay/", views.replay, name="webhook-replay"),
]
