from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mlinterview.web.api"
    label = "api"
    verbose_name = "REST API"
