from django.apps import AppConfig


class GreenhouseWebConfig(AppConfig):
    name = "mlinterview.web.greenhouse"
    label = "greenhouse"
    verbose_name = "Greenhouse (Assessment Partner integration)"

    def ready(self) -> None:
        from mlinterview.web.greenhouse import receivers

        receivers.connect()
