from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mlinterview.api"
    label = "api"
    verbose_name = "REST API"
