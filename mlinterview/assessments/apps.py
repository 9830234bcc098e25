from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "mlinterview.assessments"
    label = "assessments"
    verbose_name = "Assessments"
