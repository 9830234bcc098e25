from django.apps import AppConfig


class PracticeWebConfig(AppConfig):
    name = "mlinterview.web.practice"
    label = "practice"
    verbose_name = "Practice"
