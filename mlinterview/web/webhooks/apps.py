from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "mlinterview.web.webhooks"
    label = "webhooks"
    verbose_name = "Outgoing webhooks"

    def ready(self) -> None:
        from mlinterview.web.assessments.jobs.recovery import add_sweep
        from mlinterview.web.webhooks import receivers
        from mlinterview.web.webhooks.jobs import requeue_lost_deliveries

        receivers.connect()
        # Every worker's reconcile puts back deliveries whose worker died mid-delivery.
        add_sweep("webhooks", requeue_lost_deliveries)
