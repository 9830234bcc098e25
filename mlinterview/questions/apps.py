from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "mlinterview.questions"
    label = "questions"
    verbose_name = "Question bank"
