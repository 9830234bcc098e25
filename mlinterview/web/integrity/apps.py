from django.apps import AppConfig


class IntegrityConfig(AppConfig):
    name = "mlinterview.web.integrity"
    label = "integrity"
    verbose_name = "Answer integrity"

    def ready(self) -> None:
        # The scoring job says when an answer's primary score is done; the similarity check runs
        # then, in the same worker (assessments never imports this app).
        from mlinterview.web.assessments.jobs.tasks import answer_scored
        from mlinterview.web.integrity.index import on_answer_scored

        answer_scored.connect(on_answer_scored, dispatch_uid="integrity-similarity")
