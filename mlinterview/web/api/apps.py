from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mlinterview.web.api"
    label = "api"
    verbose_name = "REST API"

    def ready(self) -> None:
        from mlinterview.web.api import docs_access  # noqa: F401  (registers the deploy check)
