from django.apps import AppConfig


class PracticeWebConfig(AppConfig):
    name = "mlinterview.practiceweb"
    label = "practice"
    verbose_name = "Practice"
