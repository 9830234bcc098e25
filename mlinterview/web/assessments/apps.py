from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "mlinterview.web.assessments"
    label = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        # The worker's recovery also submits attempts past their deadline. The jobs sit below the
        # services (which queue work through them), so the sweep is handed to them here.
        from mlinterview.web.assessments.jobs.recovery import add_sweep
        from mlinterview.web.assessments.services import send_due_reminders, submit_overdue_attempts

        add_sweep("submitted", submit_overdue_attempts)
        # It also reminds candidates whose link is about to expire (issue 15): the periodic job.
        add_sweep("reminded", send_due_reminders)
        # Registers the object permissions (django-rules) the pages and the API check.
        import mlinterview.web.assessments.access  # noqa: F401
