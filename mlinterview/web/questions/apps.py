from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "mlinterview.web.questions"
    label = "questions"
    verbose_name = "Question bank"
