from django.apps import AppConfig


class GreenhouseWebConfig(AppConfig):
    name = "mlinterview.web.greenhouse"
    label = "greenhouse"
    verbose_name = "Greenhouse (Assessment Partner integration)"

    def ready(self) -> None:
        from mlinterview.web.assessments.jobs.recovery import add_sweep
        from mlinterview.web.greenhouse import callbacks, receivers

        receivers.connect()
        # Each worker's recovery loop also queues again callbacks whose job was lost.
        add_sweep("greenhouse callbacks", callbacks.requeue_due)
