from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "mlinterview.web.interviews"
    label = "interviews"
    verbose_name = "Live interviews"

    def ready(self) -> None:
        # Registers the object permission (django-rules) the interview pages check.
        import mlinterview.web.interviews.access  # noqa: F401
