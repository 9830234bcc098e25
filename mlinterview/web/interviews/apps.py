from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "mlinterview.web.interviews"
    label = "interviews"
    verbose_name = "Live interviews"
