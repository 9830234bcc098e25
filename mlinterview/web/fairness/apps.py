from django.apps import AppConfig


class FairnessWebConfig(AppConfig):
    name = "mlinterview.web.fairness"
    label = "fairness"
    verbose_name = "Fairness (self-identification and adverse impact)"

    def ready(self) -> None:
        # Self-identification goes with the rest of a candidate's personal data.
        from mlinterview.web.assessments.signals import personal_data_deleted
        from mlinterview.web.fairness.services import forget_invitations

        personal_data_deleted.connect(forget_invitations, dispatch_uid="fairness-forget-self-identification")
