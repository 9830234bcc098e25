from django.apps import AppConfig


class PoolConfig(AppConfig):
    name = "mlinterview.web.pool"
    label = "pool"
    verbose_name = "Talent pool (vetted profiles)"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from mlinterview.web.assessments.models import Override, ReviewCommit
        from mlinterview.web.assessments.signals import personal_data_deleted
        from mlinterview.web.pool import services

        # Deleting a candidate's personal data deletes their profile too.
        personal_data_deleted.connect(services.forget_invitations, dispatch_uid="pool-forget-profiles")
        # A review committed (services.commit_review makes the row, in the page and the API alike),
        # or an override saved in a committed review, may change a profile's verified levels. The
        # rows' own save signals are used, so nothing in the assessments app has to know the pool.
        post_save.connect(services.on_commit_saved, sender=ReviewCommit, dispatch_uid="pool-recompute-levels")
        post_save.connect(services.on_override, sender=Override, dispatch_uid="pool-recompute-on-override")
