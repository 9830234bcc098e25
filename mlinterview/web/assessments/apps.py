from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "mlinterview.web.assessments"
    label = "assessments"
    verbose_name = "Assessments"
