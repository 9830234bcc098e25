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
        # Search scans one row per profile (search_models.py); these keep it in step.
        from django.db.models.signals import post_delete

        from mlinterview.web.pool import search_index
        from mlinterview.web.pool.models import Profile, SkillLevel

        post_save.connect(search_index.on_level_saved, sender=SkillLevel, dispatch_uid="pool-search-level")
        post_delete.connect(
            search_index.on_level_deleted, sender=SkillLevel, dispatch_uid="pool-search-unlevel"
        )
        post_save.connect(search_index.on_profile_saved, sender=Profile, dispatch_uid="pool-search-profile")
