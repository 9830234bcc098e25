from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "mlinterview.interviews"
    label = "interviews"
    verbose_name = "Live interviews"
